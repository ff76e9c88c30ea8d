import type { Redis } from 'ioredis';
import { silentLogger, type Logger } from '../logging/logger.js';
import type { CacheStore } from './cache-store.js';
import { MemoryStore } from './memory-store.js';
import { RedisStore } from './redis-store.js';

export type { CacheEntry, CacheStore } from './cache-store.js';
export {
  cacheKey,
  cacheNamespace,
  callerEntryTags,
  callerScope,
  callerTags,
  rateBudgetKeys,
  revokedTags,
  tagSetKey,
  tags,
  type CallerScope,
  type KeyParamValue,
  type Refusal,
} from './keys.js';
export { MemoryStore, type MemoryStoreOptions } from './memory-store.js';
export { RedisStore, type RedisConnectionOption, type RedisStoreOptions } from './redis-store.js';
export { closeRedisClient, createRedisClient, whenReady, type RedisClientOptions } from './redis-client.js';
export {
  ResponseCache,
  type CachePolicy,
  type LoadOptions,
  type LoadRequest,
  type ResponseCacheOptions,
} from './response-cache.js';

export interface CreateCacheOptions {
  /** Redis URL; without it the cache is in-process (one instance only). */
  redisUrl?: string;
  /** Alternatively, a client from `createRedisClient` shared with other users (not closed by the store). */
  redisClient?: Redis;
  prefix?: string;
  schemaVersion?: number;
  logger?: Logger;
  /** Bound of the in-memory store. Default 50 000. */
  memoryMaxEntries?: number;
}

/** The store the gateway caches in, and which kind it is (for logs and health output). */
export interface CreatedCache {
  store: CacheStore;
  kind: 'redis' | 'memory';
}

/** Redis when a URL or client is given, in-memory otherwise. */
export function createCache(options: CreateCacheOptions = {}): CreatedCache {
  const { prefix, schemaVersion, logger = silentLogger } = options;
  if (options.redisClient !== undefined) {
    return {
      store: new RedisStore({ client: options.redisClient, prefix, schemaVersion, logger }),
      kind: 'redis',
    };
  }
  if (options.redisUrl !== undefined) {
    return { store: new RedisStore({ url: options.redisUrl, prefix, schemaVersion, logger }), kind: 'redis' };
  }
  return { store: new MemoryStore({ maxEntries: options.memoryMaxEntries }), kind: 'memory' };
}
