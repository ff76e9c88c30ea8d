import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createCache, MemoryStore, RedisStore } from '../../src/cache/index.js';
import { RedisInvalidationBus } from '../../src/cache/invalidation-bus.js';
import { invalidationChannel } from '../../src/cache/keys.js';
import { LuaScript } from '../../src/cache/lua-script.js';
import { NearCache } from '../../src/cache/near-cache.js';
import { closeRedisClient, createRedisClient, whenReady } from '../../src/cache/redis-client.js';
import { REDIS_URL, deleteKeysUnder, eventually, uniquePrefix } from './redis-test-utils.js';

/**
 * The cache-tier gaps the first mutation run found (docs/mutation-testing.md): each test here
 * fails when the line it names is changed.
 */

let client: Redis;

beforeAll(async () => {
  client = createRedisClient(REDIS_URL);
  if (!(await whenReady(client, 5000))) throw new Error(`expected Redis at ${REDIS_URL}`);
});

afterAll(async () => {
  await closeRedisClient(client);
});

describe('RedisInvalidationBus: the first subscription', () => {
  it('is not a "possibly missed" event, even for a listener registered before it', async () => {
    const prefix = uniquePrefix();
    const bus = new RedisInvalidationBus(client, { url: REDIS_URL, prefix });
    let missed = 0;
    let subscribed = false;
    bus.onPossiblyMissed(() => missed++);
    bus.onInvalidate(() => (subscribed = true));
    try {
      const heard = await eventually(async () => {
        await client.publish(invalidationChannel(prefix), JSON.stringify({ from: 'probe', tags: ['p'] }));
        return subscribed;
      }, 5000);
      expect(heard).toBe(true);
      expect(missed).toBe(0);
    } finally {
      await bus.close();
    }
  });
});

describe('NearCache: a tag shared by several entries', () => {
  it('invalidating it drops every entry carrying it', () => {
    const now = 1_000_000;
    const near = new NearCache({ maxBytes: 10_000, maxAgeMs: 5_000, clock: () => now });
    near.set('a', 1, now, ['ws:1'], 1, 60_000);
    near.set('b', 2, now, ['ws:1'], 1, 60_000);
    near.set('c', 3, now, ['ws:2'], 1, 60_000);
    near.invalidateTags(['ws:1']);
    expect([near.get('a'), near.get('b'), near.get('c')?.value]).toEqual([undefined, undefined, 3]);
  });
});

describe('whenReady and closeRedisClient', () => {
  it('whenReady answers true at once for a client that is already ready', async () => {
    const started = performance.now();
    // A long timeout: a version that waited for a second 'ready' event would take all of it, and say false.
    expect(await whenReady(client, 3_000)).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('whenReady answers false after its timeout when Redis never answers', async () => {
    const unreachable = createRedisClient('redis://127.0.0.1:1', { maxReconnectDelayMs: 50 });
    try {
      expect(await whenReady(unreachable, 200)).toBe(false);
    } finally {
      await closeRedisClient(unreachable);
    }
  });

  it('closeRedisClient ends a ready client, and closing it again resolves', async () => {
    const own = createRedisClient(REDIS_URL);
    expect(await whenReady(own, 5000)).toBe(true);
    await closeRedisClient(own);
    expect(await eventually(async () => own.status === 'end', 2000)).toBe(true);
    await expect(closeRedisClient(own)).resolves.toBeUndefined();
    expect(own.status).toBe('end');
  });
});

describe('LuaScript', () => {
  it('falls back to EVAL when the server does not know the script yet (NOSCRIPT), then runs by SHA', async () => {
    // A script body no one has loaded: its SHA is unknown to the shared Redis, without SCRIPT FLUSH.
    const marker = randomUUID();
    const script = new LuaScript(`return ARGV[1] .. '-${marker}'`);
    expect(await script.run(client, [], ['first'])).toBe(`first-${marker}`);
    expect(await script.run(client, [], ['second'])).toBe(`second-${marker}`);
  });

  it('lets other script errors through', async () => {
    const script = new LuaScript(`return redis.call('NOT_A_COMMAND') -- ${randomUUID()}`);
    await expect(script.run(client, [], [])).rejects.toThrow(/Unknown Redis command|unknown command/i);
  });
});

describe('createCache', () => {
  it('with a given client: a Redis store on it, which its close leaves open', async () => {
    const prefix = uniquePrefix();
    const { store, kind } = createCache({ redisClient: client, redisUrl: 'redis://127.0.0.1:1', prefix });
    expect(kind).toBe('redis');
    expect(store).toBeInstanceOf(RedisStore);
    expect((store as RedisStore).redis).toBe(client);
    await store.set('u:x:r:', 'v', 60, []);
    expect(await client.get(`${prefix}:v1:u:x:r:`)).toMatch(/^\d+:v$/);
    await store.close();
    expect(client.status).toBe('ready');
    await deleteKeysUnder(client, prefix);
  });

  it('in memory, bounded by memoryMaxEntries', async () => {
    const { store } = createCache({ memoryMaxEntries: 2 });
    expect(store).toBeInstanceOf(MemoryStore);
    for (const key of ['a', 'b', 'c']) await store.set(key, key, 60, []);
    const found = await store.getMany(['a', 'b', 'c']);
    expect(found.filter((entry) => entry !== undefined)).toHaveLength(2);
    await store.close();
  });
});
