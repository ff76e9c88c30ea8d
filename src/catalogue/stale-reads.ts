import { WEBWORK_EVENTS } from './events.js';
import type { Operation, WriteOperation, WriteOutcome } from './operation.js';
import { OPERATIONS } from './webwork-operations.js';

/**
 * Arguments whose every field reads `{name}`: a descriptor's tag function called with them gives
 * its tag pattern (`ws:{workspaceId}:tracker:{userId}`), whatever values a real call would have.
 */
const SYMBOLIC = new Proxy({} as Record<string, unknown>, {
  get: (_, name) => (typeof name === 'string' ? `{${name}}` : undefined),
});

/** `ws:{workspaceId}:member:{id}` → `ws:*:member:*`: tags of one shape, whatever their arguments. */
export const tagPattern = (tag: string) => tag.replace(/\{\w+\}/g, '*');

const patterns = (tagsOf: (args: never) => string[]) => [
  ...new Set(tagsOf(SYMBOLIC as never).map(tagPattern)),
];

export interface ReadTags {
  read: string;
  tags: string[];
}

export interface StaleRow {
  /** A write (`POST /time-tracking/start`) or a WebWork event (`event tracker.started`). */
  change: string;
  tags: string[];
  /** The reads carrying at least one of `tags`: what the change makes stale. */
  reads: string[];
}

/**
 * Every tag a write makes stale: its own `stale` tags and those of the reads that declare they
 * change with it (`changedBy`). Built once per catalogue; the write lifecycle calls the result.
 */
export function staleTagsAfter(
  catalogue: readonly Operation[],
): (write: WriteOperation<never, never, WriteOutcome>, args: unknown) => string[] {
  const dependents = new Map<unknown, ((args: never) => string[])[]>();
  for (const op of catalogue) {
    if (op.kind === 'write') continue;
    for (const dependency of op.changedBy ?? []) {
      dependents.set(dependency.write, [...(dependents.get(dependency.write) ?? []), dependency.tags]);
    }
  }
  return (write, args) => [
    ...new Set(
      [
        write.stale(args as never),
        ...(dependents.get(write) ?? []).map((tagsOf) => tagsOf(args as never)),
      ].flat(),
    ),
  ];
}

/** The tag patterns each cached read of the catalogue is filed under. */
export function readTags(catalogue: readonly Operation[]): ReadTags[] {
  return catalogue.flatMap((op) =>
    op.kind === 'write' ? [] : [{ read: `${op.name} (${op.method} ${op.path})`, tags: patterns(op.tags) }],
  );
}

/**
 * The write→stale-reads table, derived from the descriptors: for each write of the catalogue and
 * each WebWork event, the tags it invalidates and the reads filed under them.
 */
export function staleReadsTable(catalogue: readonly Operation[]): StaleRow[] {
  const reads = readTags(catalogue);
  const staleAfter = staleTagsAfter(catalogue);
  const changes = [
    ...catalogue.flatMap((op) =>
      op.kind === 'write'
        ? [{ change: `${op.method} ${op.path}`, tags: patterns((args: never) => staleAfter(op, args)) }]
        : [],
    ),
    ...WEBWORK_EVENTS.map((e) => ({ change: `event ${e.name}`, tags: patterns(e.stale) })),
  ];
  return changes.map((c) => ({
    ...c,
    reads: reads.filter((r) => r.tags.some((t) => c.tags.includes(t))).map((r) => r.read),
  }));
}

/** Which of WebWork's 70 operations the catalogue describes (and so the graph reaches). */
export function coverage(
  catalogue: readonly Operation[],
): { method: string; path: string; operation: string | null }[] {
  return OPERATIONS.map(([method, path]) => ({
    method,
    path,
    operation: catalogue.find((op) => op.method === method && op.path === path)?.name ?? null,
  }));
}
