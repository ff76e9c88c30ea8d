import { createCache, MemoryStore, RedisStore, whenReady } from '../../src/cache/index.js';
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
