import { allPagesKey, cacheKey } from '../cache/keys.js';
import type { ListOperation, ReadOperation } from '../catalogue/operation.js';
import type { Caller } from '../datasources/caller.js';
import { keyParams, type Operations, pageQuery } from '../datasources/operations.js';
import { allPages, type UpstreamPage } from '../datasources/paging.js';

/**
 * The upstream reads one GraphQL operation makes, each at most once per operation (even with the
 * shared cache off), keyed by the read's cache key: a connection's page 1 and a by-id lookup served
 * from the same list share one upstream call, whatever filters were left unset. Per request, like
 * the loaders built on it: never shared between callers.
 */
export class RequestMemo {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    private readonly caller: Caller,
    private readonly ops: Operations,
  ) {}

  read<A, W, R>(op: ReadOperation<A, W, R>, args: A): Promise<R> {
    return this.once(cacheKey(this.caller.scope, op.name, keyParams(op, args)), () =>
      this.ops.read(this.caller, op, args),
    );
  }

  page<A, W, R>(op: ListOperation<A, W, R>, args: A, page: number): Promise<UpstreamPage<R>> {
    return this.once(cacheKey(this.caller.scope, op.name, pageQuery(op, args, page)), () =>
      this.ops.page(this.caller, op, args, page),
    );
  }

  all<A, W, R>(op: ListOperation<A, W, R>, args: A): Promise<R[]> {
    const key = allPagesKey(this.caller.scope, op.name, keyParams(op, args));
    return this.once(key, () =>
      op.entry === 'whole'
        ? this.ops.all(this.caller, op, args)
        : allPages((page) => this.page(op, args, page)),
    );
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let promise = this.memo.get(key) as Promise<T> | undefined;
    if (!promise) {
      promise = load();
      this.memo.set(key, promise);
    }
    return promise;
  }
}
