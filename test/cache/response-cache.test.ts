import type { Redis } from 'ioredis';
import type { CacheEntry, CacheStore } from '../../src/cache/cache-store.js';
import { cacheKey, callerScope, tags } from '../../src/cache/keys.js';
import { MemoryStore } from '../../src/cache/memory-store.js';
import { closeRedisClient, createRedisClient, whenReady } from '../../src/cache/redis-client.js';
import type { InvalidationBus } from '../../src/cache/invalidation-bus.js';
import { RedisStore } from '../../src/cache/redis-store.js';
import { ResponseCache, type CachePolicy } from '../../src/cache/response-cache.js';
import {
  REDIS_URL,
  WARN,
  capturingLogger,
  deleteKeysUnder,
  eventually,
  uniquePrefix,
} from './redis-test-utils.js';

/** A store wrapper that counts calls, so tests can assert round trips. */
class CountingStore implements CacheStore {
  calls = { get: 0, getMany: 0, set: 0, invalidateTags: 0 };
  constructor(private readonly inner: CacheStore) {}
  get(key: string): Promise<CacheEntry | undefined> {
    this.calls.get++;
    return this.inner.get(key);
  }
  getMany(keys: readonly string[]): Promise<(CacheEntry | undefined)[]> {
    this.calls.getMany++;
    return this.inner.getMany(keys);
  }
  set(key: string, value: string, ttl: number, entryTags: readonly string[]): Promise<void> {
    this.calls.set++;
    return this.inner.set(key, value, ttl, entryTags);
  }
  invalidateTags(entryTags: readonly string[]): Promise<void> {
    this.calls.invalidateTags++;
    return this.inner.invalidateTags(entryTags);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/** A promise the test settles by hand, to hold a load in flight. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (err: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const prefix = uniquePrefix();
let redis: Redis;

beforeAll(async () => {
  redis = createRedisClient(REDIS_URL);
  if (!(await whenReady(redis, 5000))) throw new Error(`expected Redis at ${REDIS_URL}; it did not answer`);
});

afterAll(async () => {
  await deleteKeysUnder(redis, prefix);
  await closeRedisClient(redis);
});

const backends: [string, () => CacheStore][] = [
  ['MemoryStore', () => new MemoryStore()],
  ['RedisStore', () => new RedisStore({ client: redis, prefix })],
];

describe.each(backends)('ResponseCache over %s', (_name, makeStore) => {
  const alice = callerScope(`alice-${Math.random()}`);
  const bob = callerScope(`bob-${Math.random()}`);
  const policy: CachePolicy = { ttlSeconds: 60, tags: [tags.workspaceResource(7, 'members')] };
  let store: CountingStore;
  let offsetMs: number;
  let cache: ResponseCache;
  let log: ReturnType<typeof capturingLogger>;

  beforeEach(() => {
    store = new CountingStore(makeStore());
    offsetMs = 0;
    log = capturingLogger();
    cache = new ResponseCache(store, { clock: () => Date.now() + offsetMs, logger: log.logger });
  });

  afterEach(async () => {
    await store.close();
  });

  it('caches a successful load and serves it (JSON round trip) without loading again', async () => {
    const key = cacheKey(alice, 'members', { workspace_id: 7 });
    let loads = 0;
    const load = async () => ({ id: 1, name: 'Ada', seq: ++loads });
    expect(await cache.getOrLoad(key, policy, load)).toEqual({ id: 1, name: 'Ada', seq: 1 });
    expect(await cache.getOrLoad(key, policy, load)).toEqual({ id: 1, name: 'Ada', seq: 1 });
    expect(loads).toBe(1);
  });

  it('never caches a failure', async () => {
    const key = cacheKey(alice, 'members', { workspace_id: 8 });
    let loads = 0;
    const load = async () => {
      loads++;
      if (loads === 1) throw new Error('upstream 503');
      return 'ok';
    };
    await expect(cache.getOrLoad(key, policy, load)).rejects.toThrow('upstream 503');
    expect(await cache.getOrLoad(key, policy, load)).toBe('ok');
    expect(await cache.getOrLoad(key, policy, load)).toBe('ok');
    expect(loads).toBe(2);
  });

  it('shares one load between 10 concurrent misses of one key', async () => {
    const key = cacheKey(alice, 'members', { workspace_id: 9 });
    const gate = deferred<string>();
    let loads = 0;
    const load = () => {
      loads++;
      return gate.promise;
    };
    const results = Array.from({ length: 10 }, () => cache.getOrLoad(key, policy, load));
    gate.resolve('shared');
    expect(await Promise.all(results)).toEqual(Array(10).fill('shared'));
    expect(loads).toBe(1);
    expect(await cache.getOrLoad(key, policy, load)).toBe('shared');
    expect(loads).toBe(1);
  });

  it('shares a failing load too, and forgets it once settled', async () => {
    const key = cacheKey(alice, 'members', { workspace_id: 10 });
    const gate = deferred<string>();
    let loads = 0;
    const failing = () => {
      loads++;
      return gate.promise;
    };
    const results = Array.from({ length: 10 }, () =>
      cache.getOrLoad(key, policy, failing).catch((e: Error) => e),
    );
    gate.reject(new Error('boom'));
    const settled = await Promise.all(results);
    expect(settled.every((r) => r instanceof Error && r.message === 'boom')).toBe(true);
    expect(loads).toBe(1);
    expect(await cache.getOrLoad(key, policy, async () => 'later')).toBe('later');
  });

  it('serves a stale entry at once and refreshes it exactly once in the background', async () => {
    const key = cacheKey(alice, 'tracker', { user_id: 1 });
    const swr: CachePolicy = { ttlSeconds: 1, staleSeconds: 60, tags: [tags.tracker(7, 1)] };
    await cache.getOrLoad(key, swr, async () => 'v1');

    offsetMs = 5_000; // the entry now looks 5 s old: stale, but inside the stale window
    const refresh = deferred<string>();
    let refreshes = 0;
    const load = () => {
      refreshes++;
      return refresh.promise;
    };
    const reads = await Promise.all(Array.from({ length: 5 }, () => cache.getOrLoad(key, swr, load)));
    expect(reads).toEqual(Array(5).fill('v1'));
    expect(refreshes).toBe(1);

    refresh.resolve('v2');
    offsetMs = 0;
    expect(await eventually(async () => (await store.get(key))?.value === '"v2"', 3000)).toBe(true);
    expect(await cache.getOrLoad(key, swr, load)).toBe('v2');
    expect(refreshes).toBe(1);
  });

  it('logs a failed background refresh instead of throwing, and keeps serving the stale value', async () => {
    const key = cacheKey(alice, 'tracker', { user_id: 2 });
    const swr: CachePolicy = { ttlSeconds: 1, staleSeconds: 60, tags: [] };
    await cache.getOrLoad(key, swr, async () => 'v1');
    offsetMs = 5_000;
    expect(await cache.getOrLoad(key, swr, () => Promise.reject(new Error('upstream down')))).toBe('v1');
    expect(
      await eventually(
        async () => log.lines.some((l) => l.level === WARN && /background refresh/.test(l.msg)),
        2000,
      ),
    ).toBe(true);
    expect(await cache.getOrLoad(key, swr, async () => 'v2')).toBe('v1'); // refreshes again in the background
  });

  it('serves a stale entry when the load fails and serveStaleOnError agrees', async () => {
    const key = cacheKey(alice, 'projects', { workspace_id: 7 });
    const strict: CachePolicy = { ttlSeconds: 1, staleSeconds: 60, staleWhileRevalidate: false, tags: [] };
    await cache.getOrLoad(key, strict, async () => 'v1');
    offsetMs = 5_000;
    const timeout = new Error('timeout');
    const unauthorised = new Error('401');
    const onlyTimeouts = { serveStaleOnError: (err: unknown) => err === timeout };

    let loads = 0;
    // Past its TTL and without stale-while-revalidate, the entry is reloaded in line:
    expect(await cache.getOrLoad(key, strict, async () => `v${++loads + 1}`)).toBe('v2');
    offsetMs = 10_000;
    expect(await cache.getOrLoad(key, strict, () => Promise.reject(timeout), onlyTimeouts)).toBe('v2');
    await expect(cache.getOrLoad(key, strict, () => Promise.reject(unauthorised), onlyTimeouts)).rejects.toBe(
      unauthorised,
    );
    await expect(cache.getOrLoad(key, strict, () => Promise.reject(timeout))).rejects.toBe(timeout);
    // No entry at all: nothing stale to fall back on.
    const absent = cacheKey(alice, 'projects', { workspace_id: 99 });
    await expect(cache.getOrLoad(absent, strict, () => Promise.reject(timeout), onlyTimeouts)).rejects.toBe(
      timeout,
    );
  });

  it('invalidating a tag reaches the entries of every caller', async () => {
    const aliceKey = cacheKey(alice, 'contracts', { workspace_id: 7 });
    const bobKey = cacheKey(bob, 'contracts', { workspace_id: 7 });
    const contracts: CachePolicy = { ttlSeconds: 60, tags: [tags.workspaceResource(7, 'contracts')] };
    await cache.getOrLoad(aliceKey, contracts, async () => 'a1');
    await cache.getOrLoad(bobKey, contracts, async () => 'b1');
    await cache.invalidate([tags.workspaceResource(7, 'contracts')]);
    expect(await cache.getOrLoad(aliceKey, contracts, async () => 'a2')).toBe('a2');
    expect(await cache.getOrLoad(bobKey, contracts, async () => 'b2')).toBe('b2');
  });

  it('a load that started before an invalidation does not store its result after it', async () => {
    const key = cacheKey(alice, 'contracts', { workspace_id: 11 });
    const contracts: CachePolicy = { ttlSeconds: 60, tags: [tags.workspaceResource(11, 'contracts')] };
    const before = deferred<string>();
    let started = false;
    const early = cache.getOrLoad(key, contracts, () => {
      started = true; // the upstream read is now under way, before the write below
      return before.promise;
    });
    expect(await eventually(async () => started, 2000)).toBe(true);

    await cache.invalidate([tags.workspaceResource(11, 'contracts')]); // a write happened meanwhile
    // A caller arriving after the invalidation must not join the pre-write load.
    let freshLoads = 0;
    const after = deferred<string>();
    const late = cache.getOrLoad(key, contracts, () => {
      freshLoads++;
      return after.promise;
    });
    expect(await eventually(async () => freshLoads === 1, 2000)).toBe(true);

    before.resolve('before-write');
    expect(await early).toBe('before-write'); // its own caller still gets what it asked for...
    expect(await store.get(key)).toBeUndefined(); // ...but it is not stored
    after.resolve('after-write-1');
    expect(await late).toBe('after-write-1');
    expect(await cache.getOrLoad(key, contracts, async () => 'unexpected')).toBe('after-write-1');
    expect(freshLoads).toBe(1);
  });

  it('an invalidation of unrelated tags leaves loads in flight alone', async () => {
    const key = cacheKey(alice, 'contracts', { workspace_id: 12 });
    const contracts: CachePolicy = { ttlSeconds: 60, tags: [tags.workspaceResource(12, 'contracts')] };
    const gate = deferred<string>();
    const first = cache.getOrLoad(key, contracts, () => gate.promise);
    await cache.invalidate([tags.workspaceResource(12, 'projects')]);
    const second = cache.getOrLoad(key, contracts, async () => 'not called');
    gate.resolve('v');
    expect(await Promise.all([first, second])).toEqual(['v', 'v']);
    expect(await cache.getOrLoad(key, contracts, async () => 'not called')).toBe('v');
  });

  it('getOrLoadMany looks everything up in one round trip and loads only the misses', async () => {
    const keys = [1, 2, 3, 4].map((id) => cacheKey(alice, 'project', { id }));
    await cache.getOrLoad(keys[0]!, policy, async () => 'p1');
    await cache.getOrLoad(keys[2]!, policy, async () => 'p3');
    store.calls = { get: 0, getMany: 0, set: 0, invalidateTags: 0 };

    const loaded: string[] = [];
    const results = await cache.getOrLoadMany<string>([
      { key: keys[0]!, policy, load: async () => (loaded.push('1'), 'fresh1') },
      { key: keys[1]!, policy, load: async () => (loaded.push('2'), 'p2') },
      { key: keys[2]!, policy, load: async () => (loaded.push('3'), 'fresh3') },
      { key: keys[3]!, policy, load: async () => (loaded.push('4'), Promise.reject(new Error('404'))) },
    ]);

    expect(store.calls.getMany).toBe(1);
    expect(store.calls.get).toBe(0);
    expect(loaded.sort()).toEqual(['2', '4']);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      'p1',
      'p2',
      'p3',
      '404',
    ]);
    expect(await cache.getOrLoad(keys[1]!, policy, async () => 'not called')).toBe('p2');
  });

  it('calls load every time when disabled', async () => {
    const off = new ResponseCache(store, { enabled: false });
    const key = cacheKey(alice, 'members', { workspace_id: 13 });
    let loads = 0;
    const load = async () => ++loads;
    await off.getOrLoad(key, policy, load);
    await off.getOrLoad(key, policy, load);
    await off.getOrLoadMany([{ key, policy, load }]);
    expect(loads).toBe(3);
    expect(store.calls).toEqual({ get: 0, getMany: 0, set: 0, invalidateTags: 0 });
  });
});

/** Two instances' buses joined in process: what one publishes, the other hears. */
function linkedBuses(): [InvalidationBus, InvalidationBus] {
  const listeners: ((tags: readonly string[]) => void)[][] = [[], []];
  const bus = (self: number): InvalidationBus => ({
    publish: async (tags) => listeners[1 - self]!.forEach((listener) => listener(tags)),
    onInvalidate: (listener) => void listeners[self]!.push(listener),
    onPossiblyMissed: () => undefined,
    close: async () => undefined,
  });
  return [bus(0), bus(1)];
}

describe('ResponseCache across instances', () => {
  it('a load in flight on B does not store its result after A invalidated (purged) its tags', async () => {
    const store = new MemoryStore();
    const [busA, busB] = linkedBuses();
    const a = new ResponseCache(store, { bus: busA });
    const b = new ResponseCache(store, { bus: busB });
    const scope = callerScope(`revoked-${Math.random()}`);
    const key = cacheKey(scope, 'members', { workspace_id: 1 });
    const policy: CachePolicy = { ttlSeconds: 60, tags: ['c:x:ws:1'] };
    const gate = deferred<string>();
    let started = false;
    const onB = b.getOrLoad(key, policy, () => {
      started = true; // B's upstream read is under way, before A's refusal below
      return gate.promise;
    });
    expect(await eventually(async () => started, 2000)).toBe(true);

    await a.invalidate(['c:x:ws:1']);
    gate.resolve('read before the refusal');
    expect(await onB).toBe('read before the refusal');
    expect(await store.get(key)).toBeUndefined();
    expect(await b.getOrLoad(key, policy, async () => 'fresh')).toBe('fresh');
  });
});
