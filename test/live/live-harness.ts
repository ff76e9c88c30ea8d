import { MemoryStore } from '../../src/cache/memory-store.js';
import { ResponseCache } from '../../src/cache/response-cache.js';
import { callerScope } from '../../src/cache/keys.js';
import type { RateBudget } from '../../src/budget/index.js';
import { staleTagsAfter } from '../../src/catalogue/stale-reads.js';
import { CATALOGUE } from '../../src/catalogue/index.js';
import { loadConfig } from '../../src/config/config.js';
import { CachedReader } from '../../src/datasources/cached-reader.js';
import type { Caller } from '../../src/datasources/caller.js';
import { Operations } from '../../src/datasources/operations.js';
import { UpstreamClient } from '../../src/datasources/upstream-client.js';
import { MemoryTrackerStore } from '../../src/live/memory-tracker-store.js';
import { silentLogger } from '../../src/logging/logger.js';

/**
 * The store two schedulers share in these tests: the real in-process store (one object stands for
 * the one they share through Redis in production).
 */
export const sharedTrackerStore = () => new MemoryTrackerStore({ ttlSeconds: 3600 });

/** The gateway's real read lifecycle (cache, budget, upstream client) against a simulator, no Apollo. */
export function operationsFor(apiUrl: string, budget: RateBudget): Operations {
  const config = loadConfig({});
  const upstream = new UpstreamClient({
    baseUrl: apiUrl,
    timeoutMs: 5000,
    retries: 0,
    budget,
    logger: silentLogger,
  });
  return new Operations({
    upstream,
    reader: new CachedReader(new ResponseCache(new MemoryStore(), { enabled: true })),
    cacheConfig: config.cache,
    staleTags: staleTagsAfter(CATALOGUE),
  });
}

export const callerOf = (token: string): Caller => ({ token, scope: callerScope(token) });
