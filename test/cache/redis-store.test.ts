import type { Redis } from 'ioredis';
import { cacheKey, callerScope, tags } from '../../src/cache/keys.js';
import { closeRedisClient, createRedisClient, whenReady } from '../../src/cache/redis-client.js';
import { RedisStore } from '../../src/cache/redis-store.js';
import { describeCacheStoreContract } from './store-contract.js';
import { REDIS_URL, deleteKeysUnder, eventually, uniquePrefix } from './redis-test-utils.js';

const prefix = uniquePrefix();
let client: Redis;

beforeAll(async () => {
  client = createRedisClient(REDIS_URL);
  if (!(await whenReady(client, 5000))) throw new Error(`expected Redis at ${REDIS_URL}; it did not answer`);
});

afterAll(async () => {
  await deleteKeysUnder(client, prefix);
  await closeRedisClient(client);
});

// A shared client: the store must not close it, so every test of the contract reuses it.
describeCacheStoreContract('RedisStore', async () => new RedisStore({ client, prefix }));

describe('RedisStore layout', () => {
  it('keys entries and tag sets under <prefix>:v<schemaVersion>: with TTLs on both', async () => {
    const store = new RedisStore({ client, prefix, schemaVersion: 3 });
    const key = cacheKey(callerScope('t'), 'members', { workspace_id: 7 });
    await store.set(key, 'value', 30, [tags.workspace(7)]);

    const entryKey = `${prefix}:v3:${key}`;
    const tagKey = `${prefix}:v3:tag:ws:7`;
    expect(await client.ttl(entryKey)).toBeGreaterThan(25);
    expect(await client.smembers(tagKey)).toEqual([entryKey]);
    expect(await client.ttl(tagKey)).toBeGreaterThan(25);

    // A shorter-lived entry must not shorten the tag set's life below the longer entry's.
    await store.set(cacheKey(callerScope('u'), 'members', { workspace_id: 7 }), 'v', 5, [tags.workspace(7)]);
    expect(await client.ttl(tagKey)).toBeGreaterThan(25);
    await store.close();
  });

  it('does not see entries of another schema version', async () => {
    const v1 = new RedisStore({ client, prefix, schemaVersion: 1 });
    const v2 = new RedisStore({ client, prefix, schemaVersion: 2 });
    const key = cacheKey(callerScope('t'), 'workspaces');
    await v1.set(key, 'old shape', 60, []);
    expect(await v2.get(key)).toBeUndefined();
    await v1.close();
    await v2.close();
  });

  it('creates and closes its own client when given a URL', async () => {
    const store = new RedisStore({ url: REDIS_URL, prefix });
    expect(await whenReady(store.redis, 5000)).toBe(true);
    const key = cacheKey(callerScope('t'), 'own-client');
    await store.set(key, 'x', 60, []);
    expect((await store.get(key))?.value).toBe('x');
    await store.close();
    expect(await eventually(async () => store.redis.status === 'end', 2000)).toBe(true);
  });
});
