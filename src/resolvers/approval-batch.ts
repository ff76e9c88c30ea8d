import pLimit from 'p-limit';
import { badUserInput, GatewayError } from '../errors/gateway-error.js';

/**
 * A batch of one action over many ids (approve these time requests, these leaves), minimal and
 * generic: the ids are checked as a whole before any upstream call (1..max, distinct, each of the
 * right kind), then each id is sent upstream exactly once, and each outcome is reported on its
 * own: a failure of one item is its `error` (code and message, as `extensions.code` would be),
 * never the batch's.
 */
export interface BatchItem<R> {
  id: string;
  ok: boolean;
  record: R | null;
  error: { code: string; message: string } | null;
}

export interface BatchSpec<R> {
  /** The list argument, e.g. `input.timeRequestIds`. */
  argument: string;
  ids: string[];
  max: number;
  /** Checks one id (throws BAD_USER_INPUT naming `argument[index]`). */
  check(argument: string, id: string): void;
  run(id: string): Promise<R>;
  /** Items in flight at once. */
  concurrency?: number;
}

export async function batchEach<R>(spec: BatchSpec<R>): Promise<BatchItem<R>[]> {
  const { argument, ids, max } = spec;
  if (ids.length < 1 || ids.length > max) {
    throw badUserInput(argument, `${argument} must hold 1..${max} ids, got ${ids.length}`);
  }
  const seen = new Map<string, number>();
  ids.forEach((id, index) => {
    spec.check(`${argument}[${index}]`, id);
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      throw badUserInput(
        `${argument}[${index}]`,
        `${argument}[${index}] repeats ${argument}[${earlier}] (${JSON.stringify(id)}): each id is sent once, give it once`,
      );
    }
    seen.set(id, index);
  });
  const limit = pLimit(spec.concurrency ?? 4);
  return Promise.all(
    ids.map((id) =>
      limit(async (): Promise<BatchItem<R>> => {
        try {
          return { id, ok: true, record: await spec.run(id), error: null };
        } catch (error) {
          const known = error instanceof GatewayError && error.code !== 'INTERNAL_SERVER_ERROR';
          return {
            id,
            ok: false,
            record: null,
            error: known
              ? { code: error.code, message: error.message }
              : {
                  code: 'INTERNAL_SERVER_ERROR',
                  message:
                    'Unexpected error on this item; it may or may not have been applied. Read it before trying again.',
                },
          };
        }
      }),
    ),
  );
}
