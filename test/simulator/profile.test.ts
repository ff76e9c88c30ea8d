import { defaultSimulatorOptions, parseSimulatorArgs } from '../../src/simulator/options.js';
import { DEFAULT_PROFILE, PROFILES } from '../../src/simulator/profile.js';
import { seedState } from '../../src/simulator/state/seed.js';
import { startSimulator } from '../../src/simulator/server.js';
import { call, startTestSimulator, testProfile, type SimulatorHandle } from '../support/sim-client.js';

/** The profile option itself: flag, default, run-time switch, and the seeded desktop trackers. */

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startTestSimulator({ profile: 'lenient' });
});
afterAll(() => sim.close());

const config = async (body: unknown) => {
  const response = await fetch(`${sim.url}/__sim/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
};

describe('profile option', () => {
  it('defaults to docs-exact (issue 8); lenient only when asked for', async () => {
    expect(DEFAULT_PROFILE).toBe('docs-exact');
    expect(defaultSimulatorOptions.profile).toBe('docs-exact');
    expect(sim.profile).toBe(PROFILES.lenient);
    const unpinned = await startSimulator({ port: 0, rateLimit: 0 });
    try {
      expect(unpinned.profile).toBe(PROFILES['docs-exact']);
    } finally {
      await unpinned.close();
    }
  });

  it('test simulators take SIM_PROFILE, default docs-exact, and refuse anything else', () => {
    expect(testProfile({})).toBe('docs-exact');
    expect(testProfile({ SIM_PROFILE: '' })).toBe('docs-exact');
    expect(testProfile({ SIM_PROFILE: 'lenient' })).toBe('lenient');
    expect(() => testProfile({ SIM_PROFILE: 'strict' })).toThrow(
      'SIM_PROFILE expects one of lenient, docs-exact, got "strict"',
    );
  });

  it('--profile selects a profile; anything else fails naming the choices', () => {
    expect(parseSimulatorArgs(['--profile', 'docs-exact']).options.profile).toBe('docs-exact');
    expect(parseSimulatorArgs(['--profile', 'lenient']).options.profile).toBe('lenient');
    expect(parseSimulatorArgs([]).options.profile).toBe(DEFAULT_PROFILE);
    expect(() => parseSimulatorArgs(['--profile', 'strict'])).toThrow(
      '--profile expects one of lenient, docs-exact, got "strict"',
    );
  });

  it('--desktop-tracker-share takes a probability', () => {
    expect(parseSimulatorArgs(['--desktop-tracker-share', '0.5']).options.desktopTrackerShare).toBe(0.5);
    expect(() => parseSimulatorArgs(['--desktop-tracker-share', '2'])).toThrow(
      '--desktop-tracker-share expects a number between 0 and 1',
    );
  });

  it('POST /__sim/config switches the profile for the requests that follow, keeping the data', async () => {
    const before = (await call(sim, 'GET', '/projects', { query: { workspace_id: 1 } })).body;
    expect(before.meta.pagination).toBeDefined();

    expect(await config({ profile: 'docs-exact' })).toMatchObject({
      status: 200,
      body: { profile: 'docs-exact' },
    });
    expect(sim.profile.name).toBe('docs-exact');
    const after = (await call(sim, 'GET', '/projects', { query: { workspace_id: 1 } })).body;
    expect(after.meta.pagination).toBeUndefined();
    expect(after.data).toEqual(before.data);

    expect((await config({ profile: 'lenient' })).body.profile).toBe('lenient');
    expect(sim.profile.name).toBe('lenient');
  });

  it('POST /__sim/config refuses an unknown profile (400) and changes nothing', async () => {
    const refused = await config({ profile: 'exact', latencyMs: 5 });
    expect(refused).toMatchObject({
      status: 400,
      body: { success: false, message: 'profile expects one of lenient, docs-exact, got "exact"' },
    });
    expect(sim.profile.name).toBe('lenient');
    expect(sim.faults.settings.latencyMs).toBe(0);
  });
});

describe('seeded desktop trackers', () => {
  const sources = (share: number, seed = 42) =>
    [...seedState({ ...defaultSimulatorOptions, seed, desktopTrackerShare: share }).trackers.values()].map(
      (t) => `${t.workspaceId}:${t.userId}:${t.source}`,
    );

  it('a share of the seeded trackers run from the desktop app, the rest from the browser', () => {
    const trackers = [...sim.state.trackers.values()].filter((t) => t.workspaceId === 1);
    const desktop = trackers.filter((t) => t.source === 'desktop').length;
    expect(trackers.length).toBeGreaterThan(3);
    expect(desktop).toBe(Math.round(trackers.length * defaultSimulatorOptions.desktopTrackerShare));
    expect(trackers.every((t) => t.source === 'desktop' || t.source === 'browser')).toBe(true);
  });

  it('the choice is deterministic for a seed and does not move the rest of the seeded data', () => {
    expect(sources(0.3)).toEqual(sources(0.3));
    expect(sources(0).every((s) => s.endsWith(':browser'))).toBe(true);
    expect(sources(1).every((s) => s.endsWith(':desktop'))).toBe(true);
    const strip = (list: string[]) => list.map((s) => s.replace(/:\w+$/, ''));
    expect(strip(sources(0))).toEqual(strip(sources(1)));
    const a = seedState({ ...defaultSimulatorOptions, desktopTrackerShare: 0 });
    const b = seedState({ ...defaultSimulatorOptions, desktopTrackerShare: 1 });
    expect([...a.timeEntries.keys()]).toEqual([...b.timeEntries.keys()]);
    expect([...a.leaves.keys()]).toEqual([...b.leaves.keys()]);
  });

  it('another seed picks other trackers', () => {
    expect(sources(0.5, 7)).not.toEqual(sources(0.5, 42));
  });
});
