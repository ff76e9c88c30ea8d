import { setTimeout as sleep } from 'node:timers/promises';
import { MemoryRateBudget, UnlimitedRateBudget, type RateBudget } from '../../src/budget/index.js';
import { MemoryLiveBus } from '../../src/live/live-bus.js';
import type { LiveEvent } from '../../src/live/live-event.js';
import { singleInstanceLock } from '../../src/live/poller-lock.js';
import { TrackerScheduler } from '../../src/live/tracker-scheduler.js';
import { silentLogger } from '../../src/logging/logger.js';
import { eventually } from '../cache/redis-test-utils.js';
import { call, startTestSimulator, type SimulatorHandle } from '../support/sim-client.js';
import { sharedTrackerStore, callerOf, operationsFor } from './live-harness.js';

/**
 * `TrackerRefresher.want` (issue 10): trackers the read path could not cover are fetched in the
 * background, with background priority, through the real read lifecycle against the simulator over
 * HTTP, put into the store and published on a real MemoryLiveBus.
 */
let sim: SimulatorHandle;
let memberIds: number[];
const CURRENT_DATA = 'GET /time-tracking/current-data';
const currentDataCalls = () => sim.stats.snapshot().byRoute[CURRENT_DATA] ?? 0;

beforeAll(async () => {
  sim = await startTestSimulator({ membersPerWorkspace: 12 });
  const members = await call(sim, 'GET', '/members', { query: { workspace_id: 1, per_page: 100 } });
  memberIds = (members.body.data as { id: number }[]).map((m) => m.id);
});

afterAll(() => sim.close());

function setup(budget: RateBudget = new MemoryRateBudget({ limit: 60, backgroundReserve: 10 })) {
  const store = sharedTrackerStore();
  const bus = new MemoryLiveBus();
  const events: LiveEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const scheduler = new TrackerScheduler({
    operations: operationsFor(sim.apiUrl, budget),
    store,
    bus,
    logger: silentLogger,
    lock: singleInstanceLock,
    hasWebhooks: async () => false,
    pollIntervalMs: 60_000,
    lockRenewMs: 200,
  });
  return { budget, store, bus, events, scheduler };
}

describe('want()', () => {
  it('fetches every wanted tracker, stores it as an upstream read and publishes it', async () => {
    const { store, events, scheduler } = setup();
    const owner = callerOf('demo-owner');
    for (const userId of memberIds) scheduler.want(owner, 1, userId);
    expect(await eventually(async () => store.size === memberIds.length, 10_000)).toBe(true);
    expect(await eventually(async () => events.length === memberIds.length, 2000)).toBe(true);
    for (const event of events) {
      expect(event).toMatchObject({ kind: 'tracker', workspaceId: 1, event: 'tracker.refreshed' });
      if (event.kind === 'tracker') {
        expect(event.tracker.source).toBe('UPSTREAM_READ');
        expect(typeof event.tracker.isRunning).toBe('boolean');
        expect(JSON.stringify(event)).not.toContain('demo-owner');
      }
    }
    expect(new Set(events.map((e) => (e.kind === 'tracker' ? e.userId : 0)))).toEqual(new Set(memberIds));
    expect(scheduler.queued(owner)).toBe(0);
    await scheduler.close();
  });

  it('publishes nothing when a refresh finds the state it already knew', async () => {
    const { events, scheduler } = setup();
    const owner = callerOf('demo-owner');
    scheduler.want(owner, 1, memberIds[0]!);
    expect(await eventually(async () => events.length === 1, 5000)).toBe(true);
    const before = currentDataCalls();
    scheduler.want(owner, 1, memberIds[0]!);
    expect(await eventually(async () => currentDataCalls() === before + 1, 5000)).toBe(true);
    await sleep(100);
    expect(events).toHaveLength(1);
    await scheduler.close();
  });

  it('asks upstream once for a member wanted many times while queued', async () => {
    // Budget spent: the queue holds until the window frees, which it never does within the test.
    const budget = new MemoryRateBudget({ limit: 3, backgroundReserve: 1 });
    const { scheduler } = setup(budget);
    const caller = callerOf('demo-owner');
    await budget.take(caller.scope);
    await budget.take(caller.scope);
    const before = currentDataCalls();
    for (let i = 0; i < 5; i++) scheduler.want(caller, 1, memberIds[1]!);
    for (let i = 0; i < 5; i++) scheduler.want(caller, 1, memberIds[2]!);
    expect(scheduler.queued(caller)).toBe(2);
    await sleep(200);
    expect(currentDataCalls()).toBe(before);
    await scheduler.close();
  });

  it('spends only what is above the reserve: interactive reads keep it', async () => {
    const budget = new MemoryRateBudget({ limit: 8, backgroundReserve: 3 });
    const { store, scheduler } = setup(budget);
    const caller = callerOf('demo-owner');
    for (const userId of memberIds) scheduler.want(caller, 1, userId);
    expect(await eventually(async () => store.size === 5, 5000)).toBe(true);
    await sleep(300);
    expect(store.size).toBe(5);
    for (let i = 0; i < 3; i++) expect((await budget.take(caller.scope)).allowed).toBe(true);
    expect((await budget.take(caller.scope)).allowed).toBe(false);
    expect(scheduler.queued(caller)).toBe(memberIds.length - 5);
    await scheduler.close();
  });

  it('keeps its queues bounded', async () => {
    const budget = new MemoryRateBudget({ limit: 2, backgroundReserve: 1 });
    const { scheduler } = setup(budget);
    const caller = callerOf('demo-owner');
    await budget.take(caller.scope);
    const bounded = new TrackerScheduler({
      ...(scheduler as unknown as { deps: ConstructorParameters<typeof TrackerScheduler>[0] }).deps,
      limits: { maxTokens: 1, maxPerToken: 3 },
    });
    for (const userId of memberIds) bounded.want(caller, 1, userId);
    bounded.want(callerOf('demo-manager'), 1, memberIds[0]!);
    expect(bounded.queued(caller)).toBe(3);
    expect(bounded.queued(callerOf('demo-manager'))).toBe(0);
    await bounded.close();
    await scheduler.close();
  });

  it('forgets a token WebWork refuses, with all its queued work', async () => {
    const { store, scheduler } = setup(new UnlimitedRateBudget());
    const stranger = callerOf('not-a-token');
    for (const userId of memberIds) scheduler.want(stranger, 1, userId);
    expect(await eventually(async () => scheduler.queued(stranger) === 0, 5000)).toBe(true);
    expect(store.size).toBe(0);
    await scheduler.close();
  });

  it('waits for the budget instead of looping, and close() ends the wait at once', async () => {
    const budget = new MemoryRateBudget({ limit: 2, backgroundReserve: 1 });
    let takes = 0;
    const counting = {
      take: (...args: Parameters<MemoryRateBudget['take']>) => {
        takes++;
        return budget.take(...args);
      },
      blockFor: budget.blockFor.bind(budget),
      close: budget.close.bind(budget),
    };
    const { scheduler } = setup(counting as RateBudget);
    const caller = callerOf('demo-owner');
    for (const userId of memberIds.slice(0, 4)) scheduler.want(caller, 1, userId);
    await sleep(1000);
    // One allowed take, one refused with a ~60 s hint, then asleep: no busy loop.
    expect(takes).toBeLessThanOrEqual(3);
    const started = Date.now();
    await scheduler.close();
    expect(Date.now() - started).toBeLessThan(1000);
    scheduler.want(caller, 1, memberIds[5]!);
    expect(scheduler.queued(caller)).toBe(0);
  });
});
