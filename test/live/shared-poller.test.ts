import type { MemoryTrackerStore } from '../../src/live/memory-tracker-store.js';
import type { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { RedisRateBudget } from '../../src/budget/index.js';
import { closeRedisClient, createRedisClient, whenReady } from '../../src/cache/redis-client.js';
import { MemoryLiveBus } from '../../src/live/live-bus.js';
import { createTrackerScheduler } from '../../src/live/create-tracker-scheduler.js';
import { liveKeys } from '../../src/live/live-keys.js';
import { RedisPollerLock } from '../../src/live/poller-lock.js';
import { TrackerScheduler } from '../../src/live/tracker-scheduler.js';
import { silentLogger } from '../../src/logging/logger.js';
import { REDIS_URL, deleteKeysUnder, eventually, uniquePrefix } from '../cache/redis-test-utils.js';
import { startTestSimulator, type SimulatorHandle } from '../support/sim-client.js';
import { sharedTrackerStore, callerOf, operationsFor } from './live-harness.js';

/**
 * The shared poller (issue 10, "Without webhooks"): two scheduler instances sharing Redis (budget,
 * poller lock) and one tracker store, both watching workspace 1 of a simulator over HTTP. Exactly
 * one polls; when it closes the other takes over; with webhooks registered nobody polls.
 */
const MEMBERS = 8;
const CURRENT_DATA = 'GET /time-tracking/current-data';
let sim: SimulatorHandle;
let redis: Redis;
let prefix: string;

beforeAll(async () => {
  sim = await startTestSimulator({ membersPerWorkspace: MEMBERS });
  redis = createRedisClient(REDIS_URL);
  if (!(await whenReady(redis, 5000))) throw new Error(`expected Redis at ${REDIS_URL}`);
});

beforeEach(() => {
  prefix = uniquePrefix();
  sim.stats.reset();
});

afterEach(() => deleteKeysUnder(redis, prefix));

afterAll(async () => {
  await closeRedisClient(redis);
  await sim.close();
});

const currentDataCalls = () => sim.stats.snapshot().byRoute[CURRENT_DATA] ?? 0;

function instance(store: MemoryTrackerStore, pollIntervalMs = 60_000) {
  const budget = new RedisRateBudget({ client: redis, prefix, limit: 60, backgroundReserve: 10 });
  return new TrackerScheduler({
    operations: operationsFor(sim.apiUrl, budget),
    store,
    bus: new MemoryLiveBus(),
    logger: silentLogger,
    lock: new RedisPollerLock(redis, (ws) => liveKeys.pollerLock(prefix, ws), 1500, silentLogger),
    hasWebhooks: async (ws) => (await redis.exists(liveKeys.webhookRegistration(prefix, ws))) === 1,
    pollIntervalMs,
    lockRenewMs: 500,
  });
}

describe('the shared poller across two instances', () => {
  it('elects exactly one poller; the other takes over when it closes', async () => {
    const store = sharedTrackerStore();
    const [a, b] = [instance(store), instance(store)];
    a.watch(callerOf('demo-owner'), 1);
    b.watch(callerOf('demo-manager'), 1);
    b.watch(callerOf('demo-owner'), 1);
    expect(await eventually(async () => store.size === MEMBERS, 10_000)).toBe(true);
    const polling = [a.polling(), b.polling()];
    expect(polling.filter((ws) => ws.includes(1))).toHaveLength(1);
    // Every member was polled once in its interval, by the elected instance only.
    await sleep(1200);
    expect(currentDataCalls()).toBe(MEMBERS);
    const [holder, other] = a.polling().includes(1) ? [a, b] : [b, a];
    await holder.close();
    expect(await eventually(async () => other.polling().includes(1), 5000)).toBe(true);
    await other.close();
    expect(await redis.exists(liveKeys.pollerLock(prefix, 1))).toBe(0);
  }, 30_000);

  it('refreshes each member again once its state is older than the poll interval, round robin', async () => {
    const store = sharedTrackerStore();
    const a = instance(store, 1000);
    a.watch(callerOf('demo-owner'), 1);
    await sleep(3500);
    await a.close();
    const calls = currentDataCalls();
    // About three rounds of MEMBERS in 3.5 s: more than one round, never more than one per member and second.
    expect(calls).toBeGreaterThan(MEMBERS);
    expect(calls).toBeLessThanOrEqual(MEMBERS * 4);
  }, 20_000);

  it('does not poll a workspace whose webhooks are registered', async () => {
    await redis.set(liveKeys.webhookRegistration(prefix, 1), JSON.stringify({ webhookIds: [1] }));
    const store = sharedTrackerStore();
    const a = instance(store);
    a.watch(callerOf('demo-owner'), 1);
    await sleep(1500);
    expect(a.polling()).toEqual([]);
    expect(currentDataCalls()).toBe(0);
    await a.close();
  }, 20_000);

  it('stops polling and releases the lock when the last watch ends', async () => {
    const store = sharedTrackerStore();
    const a = instance(store);
    const unwatchOne = a.watch(callerOf('demo-owner'), 1);
    const unwatchTwo = a.watch(callerOf('demo-manager'), 1);
    expect(await eventually(async () => a.polling().includes(1), 5000)).toBe(true);
    unwatchOne();
    unwatchOne();
    await sleep(200);
    expect(a.polling()).toEqual([1]);
    unwatchTwo();
    expect(
      await eventually(async () => (await redis.exists(liveKeys.pollerLock(prefix, 1))) === 0, 5000),
    ).toBe(true);
    expect(a.polling()).toEqual([]);
    await a.close();
  }, 20_000);

  it('as wired by createTrackerScheduler: polls once the webhook registration is gone', async () => {
    await redis.set(liveKeys.webhookRegistration(prefix, 1), '{}');
    const budget = new RedisRateBudget({ client: redis, prefix, limit: 60, backgroundReserve: 10 });
    const scheduler = createTrackerScheduler({
      operations: operationsFor(sim.apiUrl, budget),
      store: sharedTrackerStore(),
      bus: new MemoryLiveBus(),
      logger: silentLogger,
      redis,
      prefix,
      pollIntervalSeconds: 60,
    });
    scheduler.watch(callerOf('demo-owner'), 1);
    await sleep(1000);
    expect(scheduler.polling()).toEqual([]);
    await redis.del(liveKeys.webhookRegistration(prefix, 1));
    expect(await eventually(async () => scheduler.polling().includes(1), 10_000)).toBe(true);
    expect(await redis.exists(liveKeys.pollerLock(prefix, 1))).toBe(1);
    await scheduler.close();
    expect(await redis.exists(liveKeys.pollerLock(prefix, 1))).toBe(0);
  }, 30_000);
});
