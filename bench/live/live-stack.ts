import type { Redis } from 'ioredis';
import { RedisRateBudget } from '../../src/budget/index.js';
import { MemoryStore } from '../../src/cache/memory-store.js';
import { ResponseCache } from '../../src/cache/response-cache.js';
import { CATALOGUE } from '../../src/catalogue/index.js';
import { staleTagsAfter } from '../../src/catalogue/stale-reads.js';
import { loadConfig, type GatewayConfig } from '../../src/config/config.js';
import { CachedReader } from '../../src/datasources/cached-reader.js';
import { Operations } from '../../src/datasources/operations.js';
import { UpstreamClient } from '../../src/datasources/upstream-client.js';
import { createTrackerScheduler } from '../../src/live/create-tracker-scheduler.js';
import { MemoryLiveBus } from '../../src/live/live-bus.js';
import type { TrackerScheduler } from '../../src/live/tracker-scheduler.js';
import type { TrackerStore } from '../../src/live/tracker-store.js';
import { silentLogger } from '../../src/logging/logger.js';

/** The gateway configuration of the bench: defaults (60/min, reserve 10), Redis, its own prefix. */
export function benchConfig(redisUrl: string, prefix: string): GatewayConfig {
  return loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    REDIS_URL: redisUrl,
    CACHE_PREFIX: prefix,
    LOG_LEVEL: 'silent',
  });
}

/**
 * One "instance" of the live board's scheduling: its own upstream client and read lifecycle, the
 * budget shared through Redis under the gateway's prefix (so its background calls and the gateway's
 * interactive ones count in one window), the poller lock in Redis, and the given store.
 */
export function schedulerInstance(
  config: GatewayConfig,
  apiUrl: string,
  redis: Redis,
  store: TrackerStore,
): TrackerScheduler {
  const budget = new RedisRateBudget({
    client: redis,
    prefix: config.cache.prefix,
    limit: config.upstream.rateLimit,
    backgroundReserve: config.upstream.backgroundReserve,
  });
  const upstream = new UpstreamClient({
    baseUrl: apiUrl,
    timeoutMs: config.upstream.timeoutMs,
    retries: config.upstream.retries,
    budget,
    logger: silentLogger,
  });
  const operations = new Operations({
    upstream,
    reader: new CachedReader(new ResponseCache(new MemoryStore(), { enabled: true })),
    cacheConfig: config.cache,
    staleTags: staleTagsAfter(CATALOGUE),
  });
  return createTrackerScheduler({
    operations,
    store,
    bus: new MemoryLiveBus(),
    logger: silentLogger,
    redis,
    prefix: config.cache.prefix,
    pollIntervalSeconds: config.liveScheduler.pollIntervalSeconds,
  });
}
