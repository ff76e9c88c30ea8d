import { MemoryStore } from '../../src/cache/memory-store.js';
import { NearCache } from '../../src/cache/near-cache.js';
import { OutageReporter } from '../../src/cache/outage-reporter.js';
import { ReadCollector } from '../../src/cache/read-collector.js';
import { capturingLogger, INFO, WARN } from './redis-test-utils.js';

/** The small parts of the cache tier, each at its edges. */

describe('ReadCollector: how long a whole response built from these reads may be reused', () => {
  it('nothing read: not reusable', () => {
    expect(new ReadCollector().reusableForMs(0)).toBe(0);
  });

  it('until the least fresh read goes stale, with the tags of every read', () => {
    const reads = new ReadCollector();
    reads.record(['a', 'b'], 5_000);
    reads.record(['b', 'c'], 3_000);
    reads.record([], 9_000);
    expect(reads.reads).toBe(3);
    expect([...reads.tags].sort()).toEqual(['a', 'b', 'c']);
    expect(reads.reusableForMs(1_000)).toBe(2_000);
    expect(reads.reusableForMs(3_000)).toBe(0);
    expect(reads.reusableForMs(4_000)).toBe(0); // never negative
  });

  it('a stale read, or a write, makes it unreusable', () => {
    const stale = new ReadCollector();
    stale.record(['a'], 5_000);
    stale.record(['b'], Number.NEGATIVE_INFINITY);
    expect(stale.reusableForMs(0)).toBe(0);
    const wrote = new ReadCollector();
    wrote.record(['a'], 5_000);
    expect(wrote.wrote).toBe(false);
    wrote.markWrite();
    expect(wrote.wrote).toBe(true);
    expect(wrote.reusableForMs(0)).toBe(0);
  });
});

describe('OutageReporter: one warning per outage, one line when it ends', () => {
  it('warns on the first failure only, says recovered once, and warns again on the next outage', () => {
    const { logger, lines } = capturingLogger();
    const reporter = new OutageReporter(logger, 'redis cache', 'serving misses');
    reporter.succeeded(); // no outage yet: nothing to say
    reporter.failed('get', new Error('ECONNREFUSED'));
    reporter.failed('set', 'not an error');
    reporter.succeeded();
    reporter.succeeded();
    reporter.failed('get', 'down again');
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [WARN, 'redis cache unavailable: serving misses until it recovers'],
      [INFO, 'redis cache recovered'],
      [WARN, 'redis cache unavailable: serving misses until it recovers'],
    ]);
    expect(lines[0]).toMatchObject({
      component: 'redis cache',
      operation: 'get',
      err: 'Error: ECONNREFUSED',
    });
    expect(lines[2]).toMatchObject({ operation: 'get', err: 'down again' });
  });
});

describe('NearCache edges', () => {
  const now = 1_000_000;
  const clock = () => now;

  it('does not keep an entry whose store lifetime is already over', () => {
    const near = new NearCache({ maxBytes: 10_000, maxAgeMs: 5_000, clock });
    near.set('over', 1, now - 2_000, [], 1, 2_000);
    near.set('left', 2, now - 2_000, [], 1, 3_000);
    expect(near.get('over')).toBeUndefined();
    expect(near.get('left')?.value).toBe(2);
  });

  it('keeps the store time of an entry (its age is judged by it)', () => {
    const near = new NearCache({ maxBytes: 10_000, maxAgeMs: 5_000, clock });
    near.set('k', 1, now - 100, [], 1, 60_000);
    expect(near.get('k')).toMatchObject({ value: 1, storedAt: now - 100 });
  });

  it('an entry may take at most a quarter of the size bound', () => {
    const near = new NearCache({ maxBytes: 1_000, maxAgeMs: 5_000, clock });
    near.set('quarter', 'q', now, [], 250, 60_000);
    near.set('more', 'm', now, [], 251, 60_000);
    expect(near.get('quarter')?.value).toBe('q');
    expect(near.get('more')).toBeUndefined();
  });

  it('clear drops every entry', () => {
    const near = new NearCache({ maxBytes: 10_000, maxAgeMs: 5_000, clock });
    near.set('a', 1, now, ['t'], 1, 60_000);
    near.set('b', 2, now, [], 1, 60_000);
    near.clear();
    expect(near.size).toBe(0);
    expect([near.get('a'), near.get('b')]).toEqual([undefined, undefined]);
  });

  it('an evicted entry leaves the tag index: re-set under other tags, the old tag no longer reaches it', () => {
    const near = new NearCache({ maxBytes: 1_000, maxAgeMs: 5_000, clock });
    near.set('k', 1, now, ['old'], 10, 60_000);
    near.set('k', 2, now, ['new'], 10, 60_000);
    near.invalidateTags(['old']);
    expect(near.get('k')?.value).toBe(2);
    near.invalidateTags(['new']);
    expect(near.get('k')).toBeUndefined();
  });
});

describe('MemoryStore edges', () => {
  it('a TTL of zero or less stores nothing', async () => {
    const store = new MemoryStore();
    await store.set('zero', 'v', 0, []);
    await store.set('neg', 'v', -1, []);
    expect(await store.getMany(['zero', 'neg'])).toEqual([undefined, undefined]);
  });

  it('an entry expires after its TTL, fractions of a second included', async () => {
    const store = new MemoryStore();
    await store.set('k', 'v', 0.05, []);
    expect((await store.get('k'))?.value).toBe('v');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await store.get('k')).toBeUndefined();
  });

  it('stamps entries with the time they were stored', async () => {
    const store = new MemoryStore();
    const before = Date.now();
    await store.set('k', 'v', 60, []);
    const { storedAt } = (await store.get('k'))!;
    expect(storedAt).toBeGreaterThanOrEqual(before);
    expect(storedAt).toBeLessThanOrEqual(Date.now());
  });

  it('re-setting a key under other tags: only the new tags reach it', async () => {
    const store = new MemoryStore();
    await store.set('k', 'v1', 60, ['old']);
    await store.set('k', 'v2', 60, ['new']);
    await store.invalidateTags(['old']);
    expect((await store.get('k'))?.value).toBe('v2');
    await store.invalidateTags(['new']);
    expect(await store.get('k')).toBeUndefined();
  });

  it('a tag shared by two keys still reaches the other after one is dropped', async () => {
    const store = new MemoryStore({ maxEntries: 100 });
    await store.set('a', 'a', 60, ['shared']);
    await store.set('b', 'b', 60, ['shared', 'own-b']);
    await store.invalidateTags(['own-b']);
    await store.invalidateTags(['shared']);
    expect(await store.getMany(['a', 'b'])).toEqual([undefined, undefined]);
  });

  it('close empties it', async () => {
    const store = new MemoryStore();
    await store.set('k', 'v', 60, ['t']);
    await store.close();
    expect(await store.get('k')).toBeUndefined();
  });
});
