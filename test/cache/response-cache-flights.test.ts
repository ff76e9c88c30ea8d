import type { CacheEntry, CacheStore } from '../../src/cache/cache-store.js';
import { cacheKey, callerScope } from '../../src/cache/keys.js';
import { MemoryStore } from '../../src/cache/memory-store.js';
import { NearCache } from '../../src/cache/near-cache.js';
import { ResponseCache, type CachePolicy } from '../../src/cache/response-cache.js';
import { INFO, WARN, capturingLogger, eventually } from './redis-test-utils.js';

/**
 * ResponseCache's loads in flight against invalidations (which loads stop storing, which later callers
 * join), the exact edges of fresh and stale, and what its log lines carry.
 */

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

/** A MemoryStore whose next `set` waits for the test, to hold a load between storing and finishing. */
class GatedStore extends MemoryStore {
  gate: { promise: Promise<void>; resolve: (value: void) => void } | undefined;
  setStarted = false;
  override async set(key: string, value: string, ttl: number, tags: readonly string[]): Promise<void> {
    this.setStarted = true;
    await this.gate?.promise;
    return super.set(key, value, ttl, tags);
  }
}

const key = () => cacheKey(callerScope(`f-${Math.random()}`), 'members', { workspace_id: 1 });

/** Starts a load held open by the test; `started` turns true once it is under way (past the lookup). */
function heldLoad(cache: ResponseCache, k: string, policy: CachePolicy) {
  const gate = deferred<string>();
  const state = { started: false, result: undefined as Promise<string> | undefined };
  state.result = cache.getOrLoad(k, policy, () => {
    state.started = true;
    return gate.promise;
  });
  return { gate, state };
}

describe('loads in flight and invalidations', () => {
  it('invalidating one of a load’s several tags stops it storing', async () => {
    const store = new MemoryStore();
    const cache = new ResponseCache(store);
    const k = key();
    const held = heldLoad(cache, k, { ttlSeconds: 60, tags: ['ws:1', 'ws:1:members'] });
    expect(await eventually(async () => held.state.started, 2000)).toBe(true);
    await cache.invalidate(['ws:1:members']);
    held.gate.resolve('pre-write');
    expect(await held.state.result).toBe('pre-write');
    expect(await store.get(k)).toBeUndefined();
  });

  it('an invalidation of other tags leaves a running load alone: later callers join it, and it stores', async () => {
    const store = new MemoryStore();
    const cache = new ResponseCache(store);
    const k = key();
    const policy: CachePolicy = { ttlSeconds: 60, tags: ['ws:1:members'] };
    const held = heldLoad(cache, k, policy);
    expect(await eventually(async () => held.state.started, 2000)).toBe(true);
    await cache.invalidate(['ws:1:projects']);
    let extraLoads = 0;
    const joined = cache.getOrLoad(k, policy, async () => `extra ${++extraLoads}`);
    held.gate.resolve('v');
    expect(await Promise.all([held.state.result, joined])).toEqual(['v', 'v']);
    expect(extraLoads).toBe(0);
    expect(await store.get(k)).toMatchObject({ value: '"v"' });
  });

  it('an old load finishing after an invalidation leaves the newer load of its key joinable', async () => {
    const cache = new ResponseCache(new MemoryStore());
    const k = key();
    const policy: CachePolicy = { ttlSeconds: 60, tags: ['ws:1:members'] };
    const old = heldLoad(cache, k, policy);
    expect(await eventually(async () => old.state.started, 2000)).toBe(true);
    await cache.invalidate(['ws:1:members']);
    const fresh = heldLoad(cache, k, policy);
    expect(await eventually(async () => fresh.state.started, 2000)).toBe(true);
    old.gate.resolve('old');
    expect(await old.state.result).toBe('old');
    // Arrives while the newer load still runs: it must join that one, not start a third.
    let thirdLoads = 0;
    const third = cache.getOrLoad(k, policy, async () => `third ${++thirdLoads}`);
    fresh.gate.resolve('new');
    expect(await Promise.all([fresh.state.result, third])).toEqual(['new', 'new']);
    expect(thirdLoads).toBe(0);
  });

  it('an invalidation while the store is writing keeps the value out of the near tier', async () => {
    const store = new GatedStore();
    const near = new NearCache({ maxBytes: 1 << 20, maxAgeMs: 60_000 });
    const cache = new ResponseCache(store, { near });
    const k = key();
    store.gate = deferred<void>();
    const loading = cache.getOrLoad(k, { ttlSeconds: 60, tags: ['ws:1:members'] }, async () => 'pre-write');
    expect(await eventually(async () => store.setStarted, 2000)).toBe(true);
    await cache.invalidate(['ws:1:members']);
    store.gate.resolve();
    expect(await loading).toBe('pre-write');
    expect(near.get(k)).toBeUndefined();
  });

  it('a load that answers undefined is returned, not stored, and not mistaken for a broken entry', async () => {
    const { logger, lines } = capturingLogger();
    const store = new MemoryStore();
    const cache = new ResponseCache(store, { logger });
    const k = key();
    let loads = 0;
    const policy: CachePolicy = { ttlSeconds: 60, tags: [] };
    const load = async () => {
      loads += 1;
      return undefined;
    };
    expect(await cache.getOrLoad(k, policy, load)).toBeUndefined();
    expect(await store.get(k)).toBeUndefined();
    expect(await cache.getOrLoad(k, policy, load)).toBeUndefined();
    expect(loads).toBe(2);
    expect(lines).toEqual([]);
  });
});

describe('the edges of fresh and stale', () => {
  async function storedAtOf(store: CacheStore, k: string): Promise<number> {
    return ((await store.get(k)) as CacheEntry).storedAt;
  }

  it('an entry exactly ttl old is still fresh; exactly ttl + stale old is still served stale', async () => {
    const store = new MemoryStore();
    let now = Date.now();
    const cache = new ResponseCache(store, { clock: () => now });
    const k = key();
    const policy: CachePolicy = { ttlSeconds: 10, staleSeconds: 20, tags: [] };
    await cache.getOrLoad(k, policy, async () => 'v1');
    const storedAt = await storedAtOf(store, k);
    let loads = 0;
    const load = async () => `v${++loads + 1}`;

    now = storedAt + 10_000;
    expect(await cache.getOrLoad(k, policy, load)).toBe('v1');
    expect(loads).toBe(0); // fresh: not even a background refresh

    now = storedAt + 30_000;
    // Stale, so served at once (a read past the window would wait for this load and answer its value).
    expect(await cache.getOrLoad(k, policy, async () => 'refreshed')).toBe('v1');
  });
});

describe('log lines', () => {
  it('a plain miss logs nothing', async () => {
    const { logger, lines } = capturingLogger();
    const cache = new ResponseCache(new MemoryStore(), { logger });
    expect(await cache.getOrLoad(key(), { ttlSeconds: 60, tags: [] }, async () => 'v')).toBe('v');
    expect(lines).toEqual([]);
  });

  it('a failed background refresh and a stale serve on error name the caller, the key and the error', async () => {
    const { logger, lines } = capturingLogger();
    let now = Date.now();
    const cache = new ResponseCache(new MemoryStore(), { logger, clock: () => now });
    const scope = callerScope(`log-${Math.random()}`);
    const k = cacheKey(scope, 'members', { workspace_id: 1 });
    const policy: CachePolicy = { ttlSeconds: 1, staleSeconds: 60, tags: [] };
    await cache.getOrLoad(k, policy, async () => 'v');
    now += 5_000;
    const options = { logId: scope.logId, serveStaleOnError: () => true };
    expect(await cache.getOrLoad(k, policy, () => Promise.reject(new Error('refresh down')), options)).toBe(
      'v',
    );
    expect(await eventually(async () => lines.length === 1, 2000)).toBe(true);
    expect(lines[0]).toMatchObject({
      level: WARN,
      msg: 'background refresh of a stale cache entry failed',
      caller: scope.logId,
      err: 'refresh down',
    });
    const loggedKey = String((lines[0] as unknown as { key: unknown }).key);
    expect(loggedKey).toContain('members');
    expect(loggedKey).not.toContain(scope.id);

    const strict = { ...policy, staleWhileRevalidate: false };
    expect(await cache.getOrLoad(k, strict, () => Promise.reject('not an Error'), options)).toBe('v');
    expect(lines[1]).toMatchObject({
      level: INFO,
      msg: 'load failed: serving a stale cache entry',
      caller: scope.logId,
      key: loggedKey,
      err: 'not an Error',
    });
  });
});
