import { Redis } from 'ioredis';
import type { TrackerSnapshot } from '../../src/live/live-event.js';
import { liveKeys } from '../../src/live/live-keys.js';
import { MemoryTrackerStore } from '../../src/live/memory-tracker-store.js';
import { RedisTrackerStore } from '../../src/live/redis-tracker-store.js';
import type { TrackerStore } from '../../src/live/tracker-store.js';
import { silentLogger } from '../../src/logging/logger.js';
import { deleteKeysUnder, REDIS_URL, uniquePrefix } from '../cache/redis-test-utils.js';

const redis = new Redis(REDIS_URL);
const prefix = uniquePrefix();
afterAll(async () => {
  await deleteKeysUnder(redis, prefix);
  redis.disconnect();
});

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, seconds)).toISOString();
let nextUser = 1;
const snapshot = (userId: number, changes: Partial<TrackerSnapshot>): TrackerSnapshot => ({
  workspaceId: 7,
  userId,
  isRunning: true,
  activityDescription: null,
  startedAt: at(0),
  projectId: 3,
  taskId: null,
  asOf: at(0),
  source: 'WEBHOOK',
  ...changes,
});

const stores: [string, () => TrackerStore][] = [
  ['redis', () => new RedisTrackerStore(redis, { prefix, ttlSeconds: 60, logger: silentLogger })],
  ['memory', () => new MemoryTrackerStore({ ttlSeconds: 60 })],
];

describe.each(stores)('%s tracker store', (_kind, make) => {
  const store = make();

  it('keeps the newest asOf whatever order the puts arrive in, and says when the state changed', async () => {
    const user = nextUser++;
    const started = snapshot(user, { asOf: at(10), isRunning: true });
    const stopped = snapshot(user, { asOf: at(20), isRunning: false, startedAt: null, projectId: null });
    expect(await store.put(stopped)).toBe(true);
    expect(await store.put(started)).toBe(false); // delivered late: older, ignored
    expect(await store.get(7, user)).toEqual(stopped);
    // Newer but saying the same: stored (asOf moves on), no change to publish.
    expect(await store.put({ ...stopped, asOf: at(30), source: 'MUTATION' })).toBe(false);
    expect((await store.get(7, user))?.asOf).toBe(at(30));
  });

  it('two events stamped with the same second: the one delivered last wins', async () => {
    const user = nextUser++;
    expect(await store.put(snapshot(user, { asOf: at(10), isRunning: true }))).toBe(true);
    expect(await store.put(snapshot(user, { asOf: at(10), isRunning: false, startedAt: null }))).toBe(true);
    expect((await store.get(7, user))?.isRunning).toBe(false);
  });

  it('between reads, the strictly newer one wins', async () => {
    const user = nextUser++;
    const read = snapshot(user, { source: 'UPSTREAM_READ', asOf: at(10) });
    expect(await store.put(read)).toBe(true);
    expect(await store.put({ ...read, isRunning: false })).toBe(false);
    expect(await store.put({ ...read, isRunning: false, asOf: at(9) })).toBe(false);
    expect(await store.put({ ...read, isRunning: false, asOf: at(11) })).toBe(true);
  });

  it('an event stamped in the second before a read still replaces it (whole-second timestamps)', async () => {
    const user = nextUser++;
    const readAt = Date.parse(at(10)) + 500;
    await store.put(
      snapshot(user, { source: 'UPSTREAM_READ', isRunning: false, asOf: new Date(readAt).toISOString() }),
    );
    expect(await store.put(snapshot(user, { source: 'WEBHOOK', isRunning: true, asOf: at(10) }))).toBe(true);
    expect(await store.put(snapshot(user, { source: 'WEBHOOK', isRunning: false, asOf: at(8) }))).toBe(false);
  });

  it('an upstream read needs more than a second over an event to replace it (whole-second timestamps)', async () => {
    const user = nextUser++;
    await store.put(snapshot(user, { asOf: at(10), source: 'WEBHOOK', isRunning: false, startedAt: null }));
    const read = snapshot(user, { source: 'UPSTREAM_READ', isRunning: true });
    expect(await store.put({ ...read, asOf: new Date(Date.parse(at(11))).toISOString() })).toBe(false);
    expect((await store.get(7, user))?.isRunning).toBe(false);
    expect(await store.put({ ...read, asOf: new Date(Date.parse(at(11)) + 1).toISOString() })).toBe(true);
    expect((await store.get(7, user))?.source).toBe('UPSTREAM_READ');
    expect(await store.put({ ...read, isRunning: false, asOf: at(12) })).toBe(true);
  });

  it('a read saying idle never replaces an event saying running (current-data cannot see desktop-app trackers)', async () => {
    const user = nextUser++;
    await store.put(snapshot(user, { asOf: at(10), source: 'WEBHOOK', isRunning: true }));
    const idle = snapshot(user, { source: 'UPSTREAM_READ', isRunning: false, startedAt: null, asOf: at(50) });
    expect(await store.put(idle)).toBe(false);
    expect(await store.get(7, user)).toMatchObject({ source: 'WEBHOOK', isRunning: true, asOf: at(10) });
    // A read saying running still refreshes it, and the stop event ends it.
    expect(await store.put({ ...idle, isRunning: true, startedAt: at(0), asOf: at(51) })).toBe(false);
    expect((await store.get(7, user))?.source).toBe('UPSTREAM_READ');
    const stop = snapshot(user, { source: 'WEBHOOK', isRunning: false, startedAt: null, asOf: at(60) });
    expect(await store.put(stop)).toBe(true);
    expect(await store.put({ ...idle, asOf: at(70) })).toBe(false);
    expect((await store.get(7, user))?.asOf).toBe(at(70));
  });

  it('getMany answers in key order, undefined for members never seen', async () => {
    const a = nextUser++;
    const b = nextUser++;
    await store.put(snapshot(b, { asOf: at(5) }));
    expect(await store.getMany(7, [a, b])).toEqual([undefined, snapshot(b, { asOf: at(5) })]);
    expect(await store.getMany(8, [b])).toEqual([undefined]);
  });
});

describe('redis tracker store', () => {
  it('bounds every entry with its TTL, renewed by each accepted put', async () => {
    const store = new RedisTrackerStore(redis, { prefix, ttlSeconds: 60, logger: silentLogger });
    const user = nextUser++;
    await store.put(snapshot(user, { asOf: at(1) }));
    const ttl = await redis.pttl(liveKeys.tracker(prefix, 7, user));
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('two instances putting at once: the newest wins (the compare-and-set is atomic)', async () => {
    const other = new Redis(REDIS_URL);
    const a = new RedisTrackerStore(redis, { prefix, ttlSeconds: 60, logger: silentLogger });
    const b = new RedisTrackerStore(other, { prefix, ttlSeconds: 60, logger: silentLogger });
    const user = nextUser++;
    const puts = Array.from({ length: 40 }, (_, i) =>
      (i % 2 ? a : b).put(snapshot(user, { asOf: at(i), activityDescription: `v${i}` })),
    );
    await Promise.all(puts.reverse());
    expect((await a.get(7, user))?.activityDescription).toBe('v39');
    other.disconnect();
  });
});
