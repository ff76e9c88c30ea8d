import { cacheKey, callerEntryTags, revokedTags, type KeyParamValue, type Refusal } from '../cache/keys.js';
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
 * Whether a failed read proves the caller lost access, and where. A 401 always does (WebWork no longer
 * accepts the token). A 403 does only for a read that succeeded for this caller before (its entry is
 * still cached): access they had is gone. A 403 on a read they never made is most often their role
 * (a Team manager asking for another member's tracker); purging on those would empty a role-limited
 * caller's cache on every request and spend their budget reloading it.
 */
function revocationIn(error: unknown, hadEntry: boolean, workspaceId: KeyParamValue): Refusal | undefined {
  if (!(error instanceof GatewayError)) return undefined;
  if (error.code === 'UNAUTHENTICATED') return { status: 401 };
  if (error.code !== 'FORBIDDEN' || !hadEntry) return undefined;
  return workspaceId == null ? { status: 403 } : { status: 403, workspaceId: String(workspaceId) };
}

/**
 * The read path every datasource uses: key scoped to the caller, shared cache, single flight,
 * stale data instead of a rate-limit or outage error when there is some. Auth errors (401/403)
 * are never hidden behind stale data, and they purge what the caller had cached (`revoke`).
 *
 * Every entry carries, besides the policy's global tags, the caller's own tags (`callerEntryTags`:
 * all of the caller's entries, and the workspace named by `params.workspace_id`), so `revoke` reaches
 * exactly that caller's entries in every tier: shared store, near cache, reused whole responses, and
 * those of the other instances through the invalidation bus.
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
    const scoped = {
      ...policy,
      tags: [...policy.tags, ...callerEntryTags(caller.scope, params.workspace_id)],
    };
    return this.cache.getOrLoad(cacheKey(caller.scope, resource, params), scoped, load, {
      serveStaleOnError,
      collector: caller.reads,
      logId: caller.scope.logId,
      onLoadError: (error, hadEntry) => {
        const refusal = revocationIn(error, hadEntry, params.workspace_id);
        return refusal ? this.revoke(caller, refusal) : Promise.resolve();
      },
    });
  }

  invalidate(tags: readonly string[]): Promise<void> {
    return this.cache.invalidate(tags);
  }

  /**
   * WebWork refused `caller` (see `revokedTags` for what goes): the caller's next read of that
   * workspace, or of anything after a 401, goes upstream and meets the same refusal instead of being
   * answered from what was cached while they still had access. Loads of those entries already in flight
   * do not store their results. Resolves once the shared store has deleted them; never rejects.
   */
  revoke(caller: Caller, refusal: Refusal): Promise<void> {
    return this.cache.invalidate(revokedTags(caller.scope, refusal));
  }
}
