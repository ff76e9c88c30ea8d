import type { Redis } from 'ioredis';
import { cacheKey, callerScope } from '../../src/cache/keys.js';
import { MemoryStore } from '../../src/cache/memory-store.js';
import { NearCache } from '../../src/cache/near-cache.js';
import { ReadCollector } from '../../src/cache/read-collector.js';
import { RedisInvalidationBus } from '../../src/cache/invalidation-bus.js';
import { RedisStore } from '../../src/cache/redis-store.js';
import { ResponseCache, type CachePolicy } from '../../src/cache/response-cache.js';
import type { CacheReadResult } from '../../src/observability/metrics.js';
import {
  connectForFile,
  REDIS_URL,
  WARN,
  capturingLogger,
  eventually,
  uniquePrefix,
} from './redis-test-utils.js';

/**
 * What ResponseCache tells the others about each read: the observer (hit, stale, miss), the request's
 * ReadCollector (tags and how long the read stays fresh, for whole-response reuse), `onLoadError`
 * (whether the caller had the entry before), the log (unreadable entries), the near tier (how long it
 * may keep what it took from the store) and the dependents (invalidations and "possibly missed" from
 * other instances over the real bus).
 */

const prefix = uniquePrefix();
let redis: Redis;

connectForFile(prefix, (c) => (redis = c));

const policy: CachePolicy = { ttlSeconds: 10, staleSeconds: 60, tags: ['ws:1:members'] };
const failure = new Error('upstream down');

function setup() {
  let offsetMs = 0;
  const results: CacheReadResult[] = [];
  const store = new MemoryStore();
  const cache = new ResponseCache(store, {
    clock: () => Date.now() + offsetMs,
    observer: { read: (result) => void results.push(result) },
  });
  return {
    store,
    cache,
    results,
    age: (ms: number) => {
      offsetMs = ms;
    },
  };
}

describe('the observer is told what each read was', () => {
  it('miss, hit, stale, stale on error, and a failed miss', async () => {
    const t = setup();
    const key = cacheKey(callerScope(`o-${Math.random()}`), 'members', {});
    await t.cache.getOrLoad(key, policy, async () => 'v1');
    await t.cache.getOrLoad(key, policy, async () => 'unused');
    t.age(20_000);
    await t.cache.getOrLoad(key, { ...policy, staleWhileRevalidate: false }, () => Promise.reject(failure), {
      serveStaleOnError: () => true,
    });
    await t.cache.getOrLoad(key, policy, async () => 'v2');
    await expect(t.cache.getOrLoad('other', policy, () => Promise.reject(failure))).rejects.toBe(failure);
    expect(t.results).toEqual(['miss', 'hit', 'stale_on_error', 'stale', 'miss']);
  });
});

describe('the request’s ReadCollector learns the tags and freshness of each read', () => {
  it('a miss is fresh for ttl from the load, a hit for ttl from when it was stored', async () => {
    const t = setup();
    const key = cacheKey(callerScope(`c-${Math.random()}`), 'members', {});
    const missed = new ReadCollector();
    const before = Date.now();
    await t.cache.getOrLoad(key, policy, async () => 'v', { collector: missed });
    const after = Date.now();
    expect([...missed.tags]).toEqual(['ws:1:members']);
    expect(missed.freshUntil).toBeGreaterThanOrEqual(before + 10_000);
    expect(missed.freshUntil).toBeLessThanOrEqual(after + 10_000);

    const hit = new ReadCollector();
    await t.cache.getOrLoad(key, policy, async () => 'unused', { collector: hit });
    const storedAt = (await t.store.get(key))!.storedAt;
    expect(hit.freshUntil).toBe(storedAt + 10_000);
    expect(hit.reads).toBe(1);
  });

  it('a stale serve, in the background or on error, is never fresh', async () => {
    const t = setup();
    const key = cacheKey(callerScope(`s-${Math.random()}`), 'members', {});
    await t.cache.getOrLoad(key, policy, async () => 'v');
    t.age(20_000);
    const stale = new ReadCollector();
    await t.cache.getOrLoad(key, policy, () => new Promise<string>(() => undefined), { collector: stale });
    expect(stale.freshUntil).toBe(Number.NEGATIVE_INFINITY);

    const key2 = cacheKey(callerScope(`e-${Math.random()}`), 'members', {});
    t.age(0);
    await t.cache.getOrLoad(key2, policy, async () => 'v');
    t.age(20_000);
    const onError = new ReadCollector();
    const served = await t.cache.getOrLoad(
      key2,
      { ...policy, staleWhileRevalidate: false },
      () => Promise.reject(failure),
      { collector: onError, serveStaleOnError: () => true },
    );
    expect(served).toBe('v');
    expect(onError.freshUntil).toBe(Number.NEGATIVE_INFINITY);
    expect([...onError.tags]).toEqual(['ws:1:members']);
  });
});

describe('onLoadError says whether the caller had the entry', () => {
  it('no entry: false; a stale entry refreshed in the foreground or the background: true', async () => {
    const t = setup();
    const key = cacheKey(callerScope(`l-${Math.random()}`), 'members', {});
    const told: boolean[] = [];
    const onLoadError = async (_err: unknown, hadEntry: boolean) => void told.push(hadEntry);
    await expect(t.cache.getOrLoad(key, policy, () => Promise.reject(failure), { onLoadError })).rejects.toBe(
      failure,
    );
    await t.cache.getOrLoad(key, policy, async () => 'v');
    t.age(20_000);
    await expect(
      t.cache.getOrLoad(key, { ...policy, staleWhileRevalidate: false }, () => Promise.reject(failure), {
        onLoadError,
      }),
    ).rejects.toBe(failure);
    // Stale-while-revalidate: the stale value now, the failed refresh reported afterwards.
    expect(await t.cache.getOrLoad(key, policy, () => Promise.reject(failure), { onLoadError })).toBe('v');
    expect(await eventually(async () => told.length === 3, 2000)).toBe(true);
    expect(told).toEqual([false, true, true]);
  });

  it('a failed load is not served stale when serveStaleOnError says no, nor without an entry', async () => {
    const t = setup();
    const key = cacheKey(callerScope(`n-${Math.random()}`), 'members', {});
    await t.cache.getOrLoad(key, policy, async () => 'v');
    t.age(20_000);
    const strict = { ...policy, staleWhileRevalidate: false };
    await expect(
      t.cache.getOrLoad(key, strict, () => Promise.reject(failure), { serveStaleOnError: () => false }),
    ).rejects.toBe(failure);
    await expect(
      t.cache.getOrLoad('never-stored', strict, () => Promise.reject(failure), {
        serveStaleOnError: () => true,
      }),
    ).rejects.toBe(failure);
  });
});

describe('an entry past its stale window', () => {
  it('is neither served nor refreshed in the background: the read waits for a new load', async () => {
    const t = setup();
    const key = cacheKey(callerScope(`x-${Math.random()}`), 'members', {});
    // The store keeps the entry longer than the policy's window (another instance's longer policy).
    await t.cache.getOrLoad(key, { ...policy, staleSeconds: 600 }, async () => 'old');
    t.age(10_000 + 60_000 + 1_000);
    expect(await t.cache.getOrLoad(key, policy, async () => 'new')).toBe('new');
  });

  it('a negative stale window counts as none', async () => {
    const t = setup();
    const key = cacheKey(callerScope(`z-${Math.random()}`), 'members', {});
    const odd: CachePolicy = { ttlSeconds: 10, staleSeconds: -5, tags: [] };
    await t.cache.getOrLoad(key, odd, async () => 'v');
    // Lifetime is 10 s: a lifetime of 10 - 5 = 5 s would already have let the entry expire.
    t.age(7_000);
    expect(await t.cache.getOrLoad(key, odd, async () => 'reloaded')).toBe('v');
  });
});

describe('an unreadable entry in the shared store', () => {
  it('is a miss, logged with the caller and the key without its scope', async () => {
    const { logger, lines } = capturingLogger();
    const store = new RedisStore({ client: redis, prefix });
    const cache = new ResponseCache(store, { logger });
    const scope = callerScope(`u-${Math.random()}`);
    const key = cacheKey(scope, 'members', { workspace_id: 1 });
    await redis.set(`${prefix}:v1:${key}`, `${Date.now()}:{not json`, 'EX', 60);
    const value = await cache.getOrLoad(key, policy, async () => 'loaded', { logId: scope.logId });
    expect(value).toBe('loaded');
    const warning = lines.find((l) => l.level === WARN) as Record<string, unknown> | undefined;
    expect(warning).toMatchObject({ msg: 'unreadable cache entry: treated as a miss', caller: scope.logId });
    expect(String(warning!.key)).not.toContain(scope.id);
    expect(String(warning!.err)).toMatch(/JSON/);
    await store.close();
  });
});

describe('the near tier', () => {
  it('keeps an entry taken from the store for the rest of its store lifetime, and no longer', async () => {
    const store = new MemoryStore();
    let storeReads = 0;
    const counting = Object.assign(Object.create(store) as MemoryStore, {
      get: (key: string) => {
        storeReads += 1;
        return store.get(key);
      },
    });
    await store.set('long', JSON.stringify('v'), 70, ['t']);
    await store.set('short', JSON.stringify('w'), 1, ['t']);
    const near = new NearCache({ maxBytes: 1 << 20, maxAgeMs: 600_000 });
    const cache = new ResponseCache(counting, { near });
    expect(await cache.getOrLoad('long', policy, async () => 'unused')).toBe('v');
    expect(await cache.getOrLoad('long', policy, async () => 'unused')).toBe('v');
    expect(storeReads).toBe(1);
    expect(near.get('long')?.value).toBe('v');
    // A 0.3 s lifetime: the near tier lets go of it when the store would.
    const brief: CachePolicy = { ttlSeconds: 0.3, tags: ['t'] };
    expect(await cache.getOrLoad('short', brief, async () => 'unused')).toBe('w');
    expect(near.get('short')?.value).toBe('w');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(near.get('short')).toBeUndefined();
  });
});

describe('dependents follow the other instances over the real bus', () => {
  it('hear their invalidations, and are cleared when messages may have been missed', async () => {
    const busPrefix = uniquePrefix();
    const busA = new RedisInvalidationBus(redis, { url: REDIS_URL, prefix: busPrefix });
    const busB = new RedisInvalidationBus(redis, { url: REDIS_URL, prefix: busPrefix });
    const store = new MemoryStore();
    const a = new ResponseCache(store, { bus: busA });
    const near = new NearCache({ maxBytes: 1 << 20, maxAgeMs: 60_000 });
    const b = new ResponseCache(store, { bus: busB, near });
    const events: string[] = [];
    b.addDependent({
      invalidateTags: (tags) => void events.push(`invalidate ${tags.join(',')}`),
      clear: () => void events.push('clear'),
    });
    try {
      await b.getOrLoad('k', policy, async () => 'v');
      expect(near.get('k')?.value).toBe('v');
      // B hears A's invalidations once its subscription is in place: publish until it does.
      const heard = await eventually(async () => {
        await a.invalidate(['ws:1:members']);
        return events.length > 0;
      }, 5000);
      expect(heard).toBe(true);
      expect(events[0]).toBe('invalidate ws:1:members');
      expect(near.get('k')).toBeUndefined();

      await b.getOrLoad('k2', policy, async () => 'v');
      events.length = 0;
      // The subscription's own connection, inside the bus's broadcast channel (redis-broadcast.ts).
      (busB as unknown as { channel: { subscriber: Redis } }).channel.subscriber.disconnect(true);
      expect(await eventually(async () => events.includes('clear'), 5000)).toBe(true);
      expect(near.size).toBe(0);
    } finally {
      await busA.close();
      await busB.close();
    }
  });
});
