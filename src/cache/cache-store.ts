/** One stored value and when it was written, so readers can judge its age (fresh, stale). */
export interface CacheEntry {
  value: string;
  /** Epoch milliseconds at which the entry was written. */
  storedAt: number;
}

/**
 * The small interface every cache backend implements (Redis, in-memory).
 *
 * Contract: a cache is an optimisation, so no method ever rejects because the backend failed. A failed
 * read is a miss, a failed write or invalidation is a no-op (logged by the implementation). Callers
 * therefore never wrap these calls in try/catch, and a Redis outage slows the gateway down rather than
 * breaking it.
 *
 * Keys are opaque strings built by `keys.ts` (`cacheKey`), already caller-scoped; the store adds its own
 * namespace. Tags are opaque too: invalidating one reaches every entry filed under it, whoever's scope it is
 * in (keys.ts builds the global `tags` and the caller-scoped `callerTags` that purge one caller's entries).
 */
export interface CacheStore {
  /** The entry under `key`, or `undefined` when absent, expired or the backend failed. */
  get(key: string): Promise<CacheEntry | undefined>;
  /**
   * Entries for `keys` in one round trip, in key order, same length as `keys`; `undefined` per miss.
   * A backend failure yields all misses.
   */
  getMany(keys: readonly string[]): Promise<(CacheEntry | undefined)[]>;
  /**
   * Stores `value` for `ttlSeconds` (positive; backends may round up to whole seconds) and records it under
   * every tag, so `invalidateTags` can find it. Never rejects.
   */
  set(key: string, value: string, ttlSeconds: number, tags: readonly string[]): Promise<void>;
  /**
   * Deletes every entry carrying any of `tags`, whoever's scope it is in. Never rejects; a failure is logged
   * and leaves entries to expire by TTL (so keep TTLs of invalidated data short).
   */
  invalidateTags(tags: readonly string[]): Promise<void>;
  /** Releases the backend (closes connections the store created itself). */
  close(): Promise<void>;
}
