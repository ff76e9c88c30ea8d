import type { CachePolicy } from '../cache/response-cache.js';
import type { GatewayConfig } from '../config/config.js';
import {
  fillPath,
  type ListOperation,
  type Params,
  type ReadOperation,
  type Reads,
  type WriteOperation,
  type WriteOutcome,
} from '../catalogue/operation.js';
import type { CachedReader } from './cached-reader.js';
import type { Caller } from './caller.js';
import { allPages, pageFrom, UPSTREAM_PAGE_SIZE, type UpstreamPage } from './paging.js';
import type { UpstreamClient } from './upstream-client.js';
import { writeOnce } from './write-lifecycle.js';

/** What the lifecycles are built from (once, at boot; shared by all requests). */
export interface OperationDeps {
  readonly upstream: UpstreamClient;
  readonly reader: CachedReader;
  readonly cacheConfig: GatewayConfig['cache'];
  /** Every tag a write makes stale (its own and its dependents': catalogue/stale-reads.ts). */
  readonly staleTags: (write: WriteOperation<never, never, WriteOutcome>, args: unknown) => string[];
}

/**
 * The lifecycles that run every catalogue descriptor, in the spirit of datasource-rest's steps:
 * - read: key → policy → cache (single flight, stale rules, revocation) → budget → upstream → map;
 * - list page: the same per upstream page of 100, so every window over a list shares its pages;
 * - write: send once, never retried → invalidate → read back or map (write-lifecycle.ts).
 * The key of a read is built only here, from the descriptor (`keyParams`), by cache/keys.ts.
 */
export class Operations {
  constructor(private readonly deps: OperationDeps) {}

  read<A, W, R>(caller: Caller, op: ReadOperation<A, W, R>, args: A): Promise<R> {
    return this.deps.reader.read(caller, op.name, keyParams(op, args), this.policy(op, args), () =>
      this.fetch(caller, op, args),
    );
  }

  /**
   * One read straight from upstream (budget → upstream → map), past the cache: what the live board's
   * background refreshes use (src/live), because they must know their answer is as of now, never a
   * cached or stale entry served in place of a rate-limit error, before they date it in the store.
   */
  async fetch<A, W, R>(caller: Caller, op: ReadOperation<A, W, R>, args: A): Promise<R> {
    const query = op.query?.(args) ?? {};
    const envelope = await this.deps.upstream.get<W>(caller, fillPath(op.path, op.pathParams?.(args)), query);
    return op.map(envelope.data, args);
  }

  page<A, W, R>(caller: Caller, op: ListOperation<A, W, R>, args: A, page: number): Promise<UpstreamPage<R>> {
    const query = pageQuery(op, args, page);
    return this.deps.reader.read(caller, op.name, query, this.policy(op, args), () =>
      this.fetchPage(caller, op, args, query),
    );
  }

  /** Every item of a list: one entry for `entry: 'whole'` lists, else the cached pages. */
  all<A, W, R>(caller: Caller, op: ListOperation<A, W, R>, args: A): Promise<R[]> {
    if (op.entry !== 'whole') return allPages((page) => this.page(caller, op, args, page));
    return this.deps.reader.read(caller, op.name, keyParams(op, args), this.policy(op, args), () =>
      allPages((page) => this.fetchPage(caller, op, args, pageQuery(op, args, page))),
    );
  }

  write<A, W, R extends WriteOutcome>(caller: Caller, op: WriteOperation<A, W, R>, args: A): Promise<R> {
    return writeOnce(this.deps, this.readsOf(caller), caller, op, args);
  }

  /** The reads bound to one caller (a write's read-back). */
  readsOf(caller: Caller): Reads {
    return {
      read: (op, args) => this.read(caller, op, args),
      page: (op, args, page) => this.page(caller, op, args, page),
    };
  }

  private async fetchPage<A, W, R>(
    caller: Caller,
    op: ListOperation<A, W, R>,
    args: A,
    query: Params,
  ): Promise<UpstreamPage<R>> {
    const envelope = await this.deps.upstream.get<W[]>(
      caller,
      fillPath(op.path, op.pathParams?.(args)),
      query,
    );
    return pageFrom(envelope, (wire) => op.map(wire, args));
  }

  private policy<A>(
    op: ReadOperation<A, never, unknown> | ListOperation<A, never, unknown>,
    args: A,
  ): CachePolicy {
    return {
      ttlSeconds: this.deps.cacheConfig.ttl[op.cache],
      staleSeconds: this.deps.cacheConfig.staleSeconds,
      ...(op.kind === 'read' && op.staleWhileRevalidate === false ? { staleWhileRevalidate: false } : {}),
      tags: op.tags(args),
    };
  }
}

/** The parameters a read's cache key is built from (the key itself: cache/keys.ts `cacheKey`). */
export function keyParams<A>(
  op: ReadOperation<A, never, unknown> | ListOperation<A, never, unknown>,
  args: A,
): Params {
  return op.kind === 'read' && op.key ? op.key(args) : (op.query?.(args) ?? {});
}

/** The query of one upstream page; also the key parameters of that page's cache entry. */
export function pageQuery<A>(op: ListOperation<A, never, unknown>, args: A, page: number): Params {
  return { ...op.query?.(args), page, per_page: UPSTREAM_PAGE_SIZE };
}
