import { cacheKey, type KeyParamValue } from '../cache/keys.js';
import type { CachePolicy, ResponseCache } from '../cache/response-cache.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { Caller } from './caller.js';

/** Failures for which a stale cached value beats an error: the data was right a moment ago. */
const STALE_BEATS: ReadonlySet<string> = new Set([
  'RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
]);
const serveStaleOnError = (error: unknown) => error instanceof GatewayError && STALE_BEATS.has(error.code);

/**
 * The read path every datasource uses: key scoped to the caller, shared cache, single flight,
 * stale data instead of a rate-limit or outage error when there is some. Auth errors (401/403)
 * are never hidden behind stale data.
 */
export class CachedReader {
  constructor(private readonly cache: ResponseCache) {}

  read<T>(
    caller: Caller,
    resource: string,
    params: Record<string, KeyParamValue>,
    policy: CachePolicy,
    load: () => Promise<T>,
  ): Promise<T> {
    return this.cache.getOrLoad(cacheKey(caller.scope, resource, params), policy, load, {
      serveStaleOnError,
      collector: caller.reads,
      logId: caller.scope.logId,
    });
  }

  invalidate(tags: readonly string[]): Promise<void> {
    return this.cache.invalidate(tags);
  }
}
