import { NearCache } from '../../src/cache/near-cache.js';
import { MemoryStore } from '../../src/cache/memory-store.js';
import { ResponseCache } from '../../src/cache/response-cache.js';

describe('NearCache', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('keeps an entry no longer than its store lifetime nor the max age', () => {
    const near = new NearCache({ maxBytes: 10_000, maxAgeMs: 5_000, clock });
    near.set('short', { v: 1 }, now, [], 10, 2_000);
    near.set('long', { v: 2 }, now, [], 10, 60_000);
    expect(near.get('short')?.value).toEqual({ v: 1 });
    expect(near.get('long')?.value).toEqual({ v: 2 });
  });

  it('drops an entry once the max age has passed, whatever its store lifetime', async () => {
    const near = new NearCache({ maxBytes: 10_000, maxAgeMs: 30 });
    near.set('k', { v: 1 }, Date.now(), [], 10, 60_000);
    expect(near.get('k')?.value).toEqual({ v: 1 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(near.get('k')).toBeUndefined();
  });

  it('drops an entry once its store lifetime has passed, when that is shorter than the max age', async () => {
    const near = new NearCache({ maxBytes: 10_000, maxAgeMs: 60_000 });
    near.set('k', { v: 1 }, Date.now(), [], 10, 30);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(near.get('k')).toBeUndefined();
  });

  it('drops entries by tag, only those', () => {
    const near = new NearCache({ maxBytes: 10_000, maxAgeMs: 5_000, clock });
    near.set('a', 1, now, ['ws:1', 'ws:1:members'], 1, 60_000);
    near.set('b', 2, now, ['ws:1', 'ws:1:projects'], 1, 60_000);
    near.set('c', 3, now, ['ws:2'], 1, 60_000);
    near.invalidateTags(['ws:1:members']);
    expect([near.get('a'), near.get('b')?.value, near.get('c')?.value]).toEqual([undefined, 2, 3]);
    near.invalidateTags(['ws:1']);
    expect([near.get('b'), near.get('c')?.value]).toEqual([undefined, 3]);
  });

  it('is bounded by total size, evicting the least recently used', () => {
    const near = new NearCache({ maxBytes: 1_000, maxAgeMs: 5_000, clock });
    for (let i = 0; i < 10; i++) near.set(`k${i}`, i, now, ['t'], 200, 60_000);
    expect(near.size).toBeLessThanOrEqual(5);
    expect(near.get('k9')?.value).toBe(9);
    expect(near.get('k0')).toBeUndefined();
  });

  it('freezes values: callers share them, so none may change them', () => {
    const near = new NearCache({ maxBytes: 10_000, maxAgeMs: 5_000, clock });
    near.set('k', { list: [{ name: 'a' }] }, now, [], 30, 60_000);
    const value = near.get('k')!.value as { list: { name: string }[] };
    expect(() => {
      value.list[0]!.name = 'changed';
    }).toThrow(TypeError);
  });
});

describe('ResponseCache with a near tier', () => {
  it('serves warm reads without the store, and invalidation reaches both tiers', async () => {
    const store = new MemoryStore();
    let storeReads = 0;
    const counting = Object.assign(Object.create(store) as MemoryStore, {
      get: (key: string) => {
        storeReads += 1;
        return store.get(key);
      },
    });
    const cache = new ResponseCache(counting, {
      near: new NearCache({ maxBytes: 1 << 20, maxAgeMs: 30_000 }),
    });
    let loads = 0;
    const policy = { ttlSeconds: 60, tags: ['ws:1:members'] };
    const load = async () => ({ n: ++loads });
    expect(await cache.getOrLoad('k', policy, load)).toEqual({ n: 1 });
    const readsAfterMiss = storeReads;
    expect(await cache.getOrLoad('k', policy, load)).toEqual({ n: 1 });
    expect(storeReads).toBe(readsAfterMiss);
    await cache.invalidate(['ws:1:members']);
    expect(await cache.getOrLoad('k', policy, load)).toEqual({ n: 2 });
  });
});
