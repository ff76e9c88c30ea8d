import type { Params, Reads, WriteOperation, WriteOutcome } from '../catalogue/operation.js';
import { fillPath } from '../catalogue/operation.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { Caller } from './caller.js';
import type { OperationDeps } from './operations.js';

/**
 * The write lifecycle, the same for every write descriptor:
 * 1. send exactly once (never retried: repeating a start, an approval or a create is not safe);
 *    if it fails, its error and nothing else, except a timeout, settled below;
 * 2. invalidate what it makes stale (`stale`), for every caller, on every tier and instance;
 * 3. read the state back (`readBack`) and merge in what the write told; if the read-back fails for
 *    any reason (5xx, timeout, rate limit), the write still happened: the answer is what the write
 *    and its input told, marked `readBackFailed`, not an error inviting a repeat.
 *
 * A write that timed out may still have been applied (WebWork handled it and answered too late).
 * The state is read (never the write re-sent): if it shows the write's effect (`applied`), the
 * write is reported as done; otherwise UPSTREAM_TIMEOUT says the outcome is unknown.
 */
export async function writeOnce<A, W, R extends WriteOutcome>(
  deps: OperationDeps,
  reads: Reads,
  caller: Caller,
  op: WriteOperation<A, W, R>,
  args: A,
): Promise<R> {
  let data: W | undefined;
  try {
    const envelope = await deps.upstream.send<W>(
      caller,
      op.method,
      fillPath(op.path, op.pathParams?.(args)),
      {
        query: op.query?.(args),
        body: op.body ? compact(op.body(args)) : undefined,
      },
    );
    data = envelope.data;
  } catch (error) {
    return settleUnknownOutcome(deps, reads, op, args, namingOperation(op, error));
  }
  await deps.reader.invalidate(deps.staleTags(op as never, args));
  const told = op.told(args, data);
  const fresh = await readBack(reads, op, args);
  if (!fresh) return op.readBack ? { ...told, readBackFailed: true } : told;
  return op.readBack?.merge ? op.readBack.merge(fresh, told) : fresh;
}

async function settleUnknownOutcome<A, W, R extends WriteOutcome>(
  deps: OperationDeps,
  reads: Reads,
  op: WriteOperation<A, W, R>,
  args: A,
  error: unknown,
): Promise<R> {
  const applied = op.readBack?.applied;
  if (!(error instanceof GatewayError) || error.code !== 'UPSTREAM_TIMEOUT' || !applied) throw error;
  await deps.reader.invalidate(deps.staleTags(op as never, args));
  const state = await readBack(reads, op, args);
  if (state && applied(state, args)) return state;
  throw new GatewayError(
    'UPSTREAM_TIMEOUT',
    `WebWork did not answer the ${op.verb} in time, and whether it was applied is not known yet. Read the ${op.subject} before sending the ${op.verb} again.`,
  );
}

/**
 * A business-rule refusal names the mutation WebWork refused (`operation`, and in the message), so
 * a client that sent several writes knows which one to look at.
 */
function namingOperation(op: { name: string }, error: unknown): unknown {
  if (!(error instanceof GatewayError) || error.code !== 'UPSTREAM_REJECTED') return error;
  return new GatewayError(
    'UPSTREAM_REJECTED',
    error.message.replace(/^WebWork refused it/, `WebWork refused ${op.name}`),
    { ...error.extensions, operation: op.name },
  );
}

/** The state after a write, or null when it cannot be read for any reason. */
async function readBack<A, W, R extends WriteOutcome>(
  reads: Reads,
  op: WriteOperation<A, W, R>,
  args: A,
): Promise<R | null> {
  if (!op.readBack) return null;
  try {
    return await op.readBack.read(reads, args);
  } catch {
    return null;
  }
}

function compact(params: Params = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null));
}
