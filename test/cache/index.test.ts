import {
  createCache,
  createRateBudget,
  MemoryRateBudget,
  MemoryStore,
  RedisRateBudget,
  RedisStore,
  UnlimitedRateBudget,
  closeRedisClient,
  createRedisClient,
  whenReady,
} from '../../src/cache/index.js';
import { REDIS_URL, deleteKeysUnder, uniquePrefix } from './redis-test-utils.js';

describe('createCache', () => {
  it('is in-memory without a Redis URL', async () => {
    const { store, kind } = createCache({ memoryMaxEntries: 10 });
    expect(kind).toBe('memory');
    expect(store).toBeInstanceOf(MemoryStore);
    await store.close();
  });

  it('is Redis-backed with a URL, under the given prefix and schema version', async () => {
    const prefix = uniquePrefix();
    const { store, kind } = createCache({ redisUrl: REDIS_URL, prefix, schemaVersion: 4 });
    expect(kind).toBe('redis');
    expect(store).toBeInstanceOf(RedisStore);
    const redis = (store as RedisStore).redis;
    expect(await whenReady(redis, 5000)).toBe(true);
    await store.set('u:x:r:', 'v', 60, []);
    expect(await redis.get(`${prefix}:v4:u:x:r:`)).toMatch(/^\d+:v$/);
    await deleteKeysUnder(redis, prefix);
    await store.close();
  });
});

describe('createRateBudget', () => {
  it('picks the implementation from limit and client', async () => {
    expect(createRateBudget({ limit: 0 })).toBeInstanceOf(UnlimitedRateBudget);
    expect(createRateBudget({ limit: 60 })).toBeInstanceOf(MemoryRateBudget);
    const client = createRedisClient(REDIS_URL);
    const budget = createRateBudget({ limit: 60, redisClient: client });
    expect(budget).toBeInstanceOf(RedisRateBudget);
    await budget.close();
    await closeRedisClient(client);
  });
});
