import type { KeyParamValue } from '../cache/keys.js';
import type { UpstreamPage } from '../datasources/paging.js';

/**
 * The shapes of an operation descriptor: one upstream WebWork operation, described once. The
 * catalogue (`*.operations.ts`, one file per resource group) is the only place that knows a REST
 * path, how arguments become query or body parameters, how a read is cached and tagged, what a
 * write makes stale and how wire objects become records. The lifecycles in
 * `src/datasources/operations.ts` run every descriptor of a kind the same way.
 */

/** Query or body parameters in upstream spelling; `undefined` and `null` are not sent. */
export type Params = Record<string, KeyParamValue>;

/** How long a read stays fresh: the TTL of its class is configured (`CACHE_TTL_<CLASS>_SECONDS`). */
export type CacheClass = 'workspaces' | 'lists' | 'tracker';

interface Described<A> {
  /** Unique in the catalogue; a read's name is its cache resource (no `:`). */
  readonly name: string;
  /** As documented, with `{placeholders}`: `/members/{memberId}`. */
  readonly path: string;
  /** Values of the path's placeholders. */
  readonly pathParams?: (args: A) => Record<string, string | number>;
  readonly query?: (args: A) => Params;
}

/**
 * A write of another group that changes this read's data, and the tags (of this read) it makes
 * stale, from the write's arguments. Declared on the read's side, so a new group that depends on
 * an existing write (timesheets on tracking) adds its dependency in its own file; the write
 * lifecycle invalidates them too (catalogue/stale-reads.ts `staleTagsAfter`).
 */
export interface ChangedBy {
  readonly write: WriteOperation<never, never, WriteOutcome>;
  readonly tags: (writeArgs: never) => string[];
}

export const changedBy = <WA>(
  writeOp: WriteOperation<WA, never, WriteOutcome>,
  tagsOf: (writeArgs: WA) => string[],
): ChangedBy => ({
  write: writeOp as WriteOperation<never, never, WriteOutcome>,
  tags: tagsOf as (a: never) => string[],
});

/** `GET` of one object: one upstream call, one cache entry. */
export interface ReadOperation<A, W, R> extends Described<A> {
  readonly kind: 'read';
  readonly method: 'GET';
  readonly cache: CacheClass;
  /** False where a stale value is not harmless: it then only stands in for a failed load. Default true. */
  readonly staleWhileRevalidate?: boolean;
  /** The cache key's parameters. Default: the query. Must identify the object (add path ids). */
  readonly key?: (args: A) => Params;
  /** The tags the entry is filed under (see `tags` in cache/keys.ts and catalogue/stale-reads.ts). */
  readonly tags: (args: A) => string[];
  /** Writes of other groups that change this read (see `ChangedBy`). */
  readonly changedBy?: readonly ChangedBy[];
  readonly map: (wire: W | undefined, args: A) => R;
}

/** `GET` of a paged list: `page`/`per_page` are added by the lifecycle. */
export interface ListOperation<A, W, R> extends Described<A> {
  readonly kind: 'list';
  readonly method: 'GET';
  readonly cache: CacheClass;
  /** `page` (default): each upstream page is an entry of its own; `whole`: all pages are one entry. */
  readonly entry?: 'page' | 'whole';
  readonly tags: (args: A) => string[];
  /** Writes of other groups that change this list (see `ChangedBy`). */
  readonly changedBy?: readonly ChangedBy[];
  readonly map: (wire: W, args: A) => R;
}

/** The reads a write's read-back may use (bound to the writer). */
export interface Reads {
  read<A, W, R>(op: ReadOperation<A, W, R>, args: A): Promise<R>;
  page<A, W, R>(op: ListOperation<A, W, R>, args: A, page: number): Promise<UpstreamPage<R>>;
}

/** Set on a write's answer when the write was applied but its state could not be read back. */
export interface WriteOutcome {
  readBackFailed?: true;
}

/**
 * `POST`/`PUT`/`DELETE`: sent exactly once, never retried; then `stale` is invalidated for every
 * caller, and the state is read back (`readBack`) or, failing that, built from what the write told.
 */
export interface WriteOperation<A, W, R extends WriteOutcome> extends Described<A> {
  readonly kind: 'write';
  readonly method: 'POST' | 'PUT' | 'DELETE';
  /** How messages name the write: "WebWork did not answer the <verb> in time". */
  readonly verb: string;
  /** What a caller reads to learn the outcome: "Read the <subject> before sending the <verb> again". */
  readonly subject: string;
  readonly body?: (args: A) => Params;
  /** Tags of the cached reads this write changes (for every caller). */
  readonly stale: (args: A) => string[];
  /** What the write's answer (`data`, possibly null) and its input tell. */
  readonly told: (args: A, data: W | null | undefined) => R;
  readonly readBack?: {
    /** The state after the write; null when the read cannot show it. */
    read(reads: Reads, args: A): Promise<R | null>;
    /** The answer from the state read back and what the write told. Default: the state read back. */
    merge?(fresh: R, told: R): R;
    /** Whether a state shows this write applied: settles a write that timed out (never re-sent). */
    applied?(state: R, args: A): boolean;
  };
}

export type Operation =
  | ReadOperation<never, never, unknown>
  | ListOperation<never, never, unknown>
  | WriteOperation<never, never, WriteOutcome>;

export const read = <A, W, R>(
  op: Omit<ReadOperation<A, W, R>, 'kind' | 'method'>,
): ReadOperation<A, W, R> => ({
  kind: 'read',
  method: 'GET',
  ...op,
});

export const list = <A, W, R>(
  op: Omit<ListOperation<A, W, R>, 'kind' | 'method'>,
): ListOperation<A, W, R> => ({
  kind: 'list',
  method: 'GET',
  ...op,
});

export const write = <A, W, R extends WriteOutcome>(
  op: Omit<WriteOperation<A, W, R>, 'kind'>,
): WriteOperation<A, W, R> => ({ kind: 'write', ...op });

/** `/members/{memberId}` + `{ memberId: 7 }` → `/members/7`. */
export function fillPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`fillPath: no value for {${name}} in ${path}`);
    return encodeURIComponent(String(value));
  });
}
