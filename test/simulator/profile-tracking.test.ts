import { DEMO_TOKENS } from '../../src/simulator/state/demo-tokens.js';
import { ymdInZone } from '../../src/simulator/state/time.js';
import {
  call,
  expectFailure,
  expectSuccess,
  startTestSimulator,
  type SimulatorHandle,
  userIdOf,
} from '../support/sim-client.js';
import { startReceiver } from './webhook-receiver.js';

/**
 * Time tracking under both profiles (REFERENCE §10.11): who may call start, stop and current-data,
 * which fields current-data shows, and trackers running from the desktop app.
 */

let lenient: SimulatorHandle;
let exact: SimulatorHandle;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  [lenient, exact, receiver] = await Promise.all([
    startTestSimulator({ profile: 'lenient' }),
    startTestSimulator({ profile: 'docs-exact' }),
    startReceiver(),
  ]);
});
afterAll(async () => {
  await Promise.all([lenient.close(), exact.close(), receiver.close()]);
});

const DOCUMENTED_CURRENT_DATA = [
  'activity_description',
  'contract_id',
  'date',
  'task_id',
  'task_title',
  'total_minutes',
  'total_seconds',
  'user_id',
];

const currentData = (sim: SimulatorHandle, userId: number | undefined, token?: string) =>
  call(sim, 'GET', '/time-tracking/current-data', {
    query: { workspace_id: 1, user_id: userId },
    ...(token ? { token } : {}),
  });

/** A seeded running tracker of workspace 1 from the given source (same seed in both simulators). */
function seededTracker(sim: SimulatorHandle, source: 'desktop' | 'browser') {
  const tracker = [...sim.state.trackers.values()].find(
    (t) =>
      t.workspaceId === 1 && t.source === source && sim.state.membership(1, t.userId)?.status === 'active',
  );
  if (!tracker) throw new Error(`no seeded ${source} tracker in workspace 1`);
  return tracker;
}

/** Whole minutes of the user's time entries that started today (UTC). */
function entryMinutesToday(sim: SimulatorHandle, userId: number) {
  const today = new Date().toISOString().slice(0, 10);
  let seconds = 0;
  for (const e of sim.state.timeEntries.values()) {
    if (e.workspaceId === 1 && e.userId === userId && e.start.startsWith(today)) {
      seconds += (Date.parse(e.end) - Date.parse(e.start)) / 1000;
    }
  }
  return Math.floor(seconds / 60);
}

describe('who may start, stop and read a tracker', () => {
  it('lenient: a Regular User tracks for themselves, user_id defaulting to the caller', async () => {
    const self = userIdOf(lenient, DEMO_TOKENS.member);
    const started = await call(lenient, 'POST', '/time-tracking/start', {
      token: DEMO_TOKENS.member,
      body: { workspace_id: 1 },
    });
    expect(expectSuccess(started).data.user_id).toBe(self);
    const current = expectSuccess(await currentData(lenient, undefined, DEMO_TOKENS.member));
    expect(current.data).toMatchObject({ user_id: self, is_running: true });
    expectSuccess(
      await call(lenient, 'POST', '/time-tracking/stop', {
        token: DEMO_TOKENS.member,
        body: { workspace_id: 1 },
      }),
    );
  });

  it('lenient: a Regular User still may not act for someone else (403)', async () => {
    const other = userIdOf(lenient, DEMO_TOKENS.manager);
    expectFailure(await currentData(lenient, other, DEMO_TOKENS.member), 403, /for other members/);
  });

  it('docs-exact: start, stop and current-data are for Owners and Executive Managers only, even for themselves', async () => {
    const self = userIdOf(exact, DEMO_TOKENS.member);
    const refused =
      /Only Owners and Executive Managers can (start time tracking|stop time tracking|view tracker data); your role is "Regular User"/;
    expectFailure(
      await call(exact, 'POST', '/time-tracking/start', {
        token: DEMO_TOKENS.member,
        body: { workspace_id: 1, user_id: self },
      }),
      403,
      refused,
    );
    expectFailure(
      await call(exact, 'POST', '/time-tracking/stop', {
        token: DEMO_TOKENS.member,
        body: { workspace_id: 1, user_id: self },
      }),
      403,
      refused,
    );
    expectFailure(await currentData(exact, self, DEMO_TOKENS.member), 403, refused);
    expect(exact.state.trackers.has(`1:${self}`)).toBe(false);
  });

  it('docs-exact: user_id is required (400), never the caller by default', async () => {
    expectFailure(await currentData(exact, undefined), 400, /^user_id is required$/);
    expectFailure(
      await call(exact, 'POST', '/time-tracking/start', { body: { workspace_id: 1 } }),
      400,
      /^user_id is required$/,
    );
    expectFailure(
      await call(exact, 'POST', '/time-tracking/stop', { body: { workspace_id: 1 } }),
      400,
      /^user_id is required$/,
    );
  });

  it("docs-exact: an Executive Manager starts, reads and stops a member's tracker", async () => {
    const member = userIdOf(exact, DEMO_TOKENS.member);
    const asManager = { token: DEMO_TOKENS.manager };
    expectSuccess(
      await call(exact, 'POST', '/time-tracking/start', {
        ...asManager,
        body: { workspace_id: 1, user_id: member },
      }),
    );
    expect(expectSuccess(await currentData(exact, member, DEMO_TOKENS.manager)).data.user_id).toBe(member);
    expectSuccess(
      await call(exact, 'POST', '/time-tracking/stop', {
        ...asManager,
        body: { workspace_id: 1, user_id: member },
      }),
    );
  });
});

describe('current-data fields', () => {
  it('lenient adds is_running and start_time, which no doc shows', async () => {
    const tracker = seededTracker(lenient, 'browser');
    const data = expectSuccess(await currentData(lenient, tracker.userId)).data;
    expect(data).toMatchObject({ is_running: true, start_time: expect.stringMatching(/\+00:00$/) });
  });

  it('docs-exact shows only the documented fields, running or idle', async () => {
    const running = seededTracker(exact, 'browser');
    const data = expectSuccess(await currentData(exact, running.userId)).data;
    expect(Object.keys(data).sort()).toEqual(DOCUMENTED_CURRENT_DATA);
    expect(data.contract_id).toBe(running.contractId);
    const idle = userIdOf(exact, DEMO_TOKENS.manager);
    expect(Object.keys(expectSuccess(await currentData(exact, idle)).data).sort()).toEqual(
      DOCUMENTED_CURRENT_DATA,
    );
  });

  it.each([
    ['lenient', () => lenient],
    ['docs-exact', () => exact],
  ])('%s: total_seconds is only the remainder seconds of the running tracker (0..59)', async (_name, sim) => {
    const tracker = seededTracker(sim(), 'browser');
    const midnight = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    const running = () => Math.floor((Date.now() - Math.max(Date.parse(tracker.startedAt), midnight)) / 1000);
    const before = running();
    const data = expectSuccess(await currentData(sim(), tracker.userId)).data;
    const after = running();
    expect(data.total_seconds).toBeGreaterThanOrEqual(0);
    expect(data.total_seconds).toBeLessThan(60);
    // total_minutes holds the running tracker's whole minutes, total_seconds only what is left.
    const seen = (data.total_minutes - entryMinutesToday(sim(), tracker.userId)) * 60 + data.total_seconds;
    expect(seen).toBeGreaterThanOrEqual(before);
    expect(seen).toBeLessThanOrEqual(after);
  });
});

describe('trackers running from the desktop app', () => {
  it('lenient: current-data shows a desktop tracker like any other', async () => {
    const tracker = seededTracker(lenient, 'desktop');
    const data = expectSuccess(await currentData(lenient, tracker.userId)).data;
    expect(data).toMatchObject({ contract_id: tracker.contractId, is_running: true });
  });

  it('docs-exact: current-data reports a desktop tracker as idle, with the timeline minutes only', async () => {
    const tracker = seededTracker(exact, 'desktop');
    const data = expectSuccess(await currentData(exact, tracker.userId)).data;
    expect(data).toEqual({
      contract_id: null,
      user_id: tracker.userId,
      activity_description: null,
      task_id: null,
      task_title: null,
      total_seconds: 0,
      total_minutes: entryMinutesToday(exact, tracker.userId),
      date: new Date().toISOString().slice(0, 10),
    });
  });

  it('docs-exact: the tracker is still running: start refuses (400), reports count it', async () => {
    const tracker = seededTracker(exact, 'desktop');
    expectFailure(
      await call(exact, 'POST', '/time-tracking/start', {
        body: { workspace_id: 1, user_id: tracker.userId },
      }),
      400,
      /already has a running tracker/,
    );
    // The timeline's date is the owner's (docs-exact), so ask for the day the tracker started there.
    const owner = exact.state.users.get(exact.state.workspaces.get(1)!.ownerId)!;
    const day = ymdInZone(new Date(tracker.startedAt), owner.timezone);
    const timeline = expectSuccess(
      await call(exact, 'GET', '/reports/daily-timeline', {
        query: { workspace_id: 1, date: day, user_ids: tracker.userId },
      }),
    );
    const running = timeline.data.flatMap((row: any) => row.time_entries).filter((e: any) => e.id === null);
    expect(running).toEqual([expect.objectContaining({ method: 'Desktop tracker', is_running: true })]);
  });

  it('docs-exact: stopping it through the API works and still fires tracker.stopped', async () => {
    const tracker = seededTracker(exact, 'desktop');
    expectSuccess(
      await call(exact, 'POST', '/webhooks', {
        body: { workspace_id: 1, url: `${receiver.url}/desktop`, events: ['tracker.stopped'] },
      }),
    );
    expectSuccess(
      await call(exact, 'POST', '/time-tracking/stop', {
        body: { workspace_id: 1, user_id: tracker.userId },
      }),
    );
    const [delivery] = await receiver.waitFor(1);
    expect(delivery).toMatchObject({
      path: '/desktop',
      body: { event: 'tracker.stopped', data: { user_id: tracker.userId, contract_id: tracker.contractId } },
    });
    const entry = exact.state.timeEntries.get(delivery!.body.data.time_entry_id);
    expect(entry?.method).toBe('Desktop tracker');
  });
});
