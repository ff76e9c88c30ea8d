import { parseSimulatorArgs } from '../../src/simulator/options.js';
import { call, expectFailure, expectSuccess, startTestSimulator } from '../support/sim-client.js';

describe('rate limit', () => {
  it('allows the budget, then 429 with Retry-After and the error envelope; per token', async () => {
    const sim = await startTestSimulator({ rateLimit: 3 });
    try {
      for (let i = 0; i < 3; i++) {
        const ok = await call(sim, 'GET', '/workspaces');
        expectSuccess(ok);
        expect(ok.headers.get('x-ratelimit-limit')).toBe('3');
        expect(ok.headers.get('x-ratelimit-remaining')).toBe(String(2 - i));
      }
      const limited = await call(sim, 'GET', '/workspaces');
      expectFailure(limited, 429, /Too many requests/);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expectSuccess(await call(sim, 'GET', '/workspaces', { token: 'demo-manager' }));
    } finally {
      await sim.close();
    }
  });

  it('a new window opens after the old one closes', async () => {
    const sim = await startTestSimulator({ rateLimit: 1, rateLimitWindowMs: 300 });
    try {
      expectSuccess(await call(sim, 'GET', '/workspaces'));
      expectFailure(await call(sim, 'GET', '/workspaces'), 429);
      await new Promise((resolve) => setTimeout(resolve, 350));
      expectSuccess(await call(sim, 'GET', '/workspaces'));
    } finally {
      await sim.close();
    }
  });

  it('0 turns it off', async () => {
    const sim = await startTestSimulator({ rateLimit: 0 });
    try {
      for (let i = 0; i < 80; i++) expect((await call(sim, 'GET', '/workspaces')).status).toBe(200);
    } finally {
      await sim.close();
    }
  });
});

describe('latency and faults', () => {
  it('--latency-ms delays every API answer', async () => {
    const sim = await startTestSimulator({ latencyMs: 120 });
    try {
      const started = performance.now();
      expectSuccess(await call(sim, 'GET', '/workspaces'));
      expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    } finally {
      await sim.close();
    }
  });

  it('--fail-rate 1 answers 500 with the error envelope; --hang-rate 1 never answers', async () => {
    const sim = await startTestSimulator({ failRate: 1 });
    try {
      expectFailure(await call(sim, 'GET', '/workspaces'), 500, /An error occurred/);
    } finally {
      await sim.close();
    }
    const hanging = await startTestSimulator({ hangRate: 1 });
    try {
      const outcome = await fetch(`${hanging.apiUrl}/workspaces`, {
        headers: { authorization: 'Bearer demo-owner' },
        signal: AbortSignal.timeout(300),
      }).then(
        () => 'answered',
        (error: Error) => error.name,
      );
      expect(outcome).toBe('TimeoutError');
    } finally {
      await hanging.close();
    }
  });

  it('faults can be changed at run time through /__sim/config', async () => {
    const sim = await startTestSimulator();
    try {
      await fetch(`${sim.url}/__sim/config`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"failRate":1}',
      });
      expectFailure(await call(sim, 'GET', '/workspaces'), 500);
      await fetch(`${sim.url}/__sim/config`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"failRate":0}',
      });
      expectSuccess(await call(sim, 'GET', '/workspaces'));
    } finally {
      await sim.close();
    }
  });

  it('faults can be scoped to methods and a path pattern; a bad scope is refused', async () => {
    const sim = await startTestSimulator();
    const configure = (body: unknown) =>
      fetch(`${sim.url}/__sim/config`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    try {
      await configure({ failRate: 1, faultMethods: ['get'], faultPathPattern: '^/api/v2/members$' });
      expectFailure(await call(sim, 'GET', '/members?workspace_id=1'), 500);
      expectSuccess(await call(sim, 'GET', '/workspaces'));
      await configure({ faultPathPattern: '', faultMethods: ['POST'] });
      expectSuccess(await call(sim, 'GET', '/members?workspace_id=1'));
      expect((await configure({ faultPathPattern: '(' })).status).toBe(400);
      expect((await configure({ faultMethods: 'GET' })).status).toBe(400);
    } finally {
      await sim.close();
    }
  });
});

describe('tokens across workspaces', () => {
  it.each([
    ['demo-owner', 1, 200],
    ['demo-manager', 1, 200],
    ['demo-member', 1, 200],
    ['demo-owner-2', 1, 403],
    ['demo-owner-2', 2, 200],
    ['demo-manager', 2, 403],
    ['demo-owner', 99, 403],
  ])('%s on workspace %i → %i', async (token, workspaceId, status) => {
    const sim = await startTestSimulator();
    try {
      expect(
        (await call(sim, 'GET', '/members', { token, query: { workspace_id: workspaceId } })).status,
      ).toBe(status);
    } finally {
      await sim.close();
    }
  });
});

describe('seeded data and reset', () => {
  it('the default seed has two workspaces, ~50 members of every role, 20 projects, ~100 contracts, 10 tasks each', async () => {
    const sim = await startTestSimulator();
    try {
      const { state } = sim;
      const ws1 = state.membersOf(1);
      expect(state.workspaces.size).toBeGreaterThanOrEqual(2);
      expect(ws1).toHaveLength(50);
      expect(new Set(ws1.map((m) => m.role))).toEqual(
        new Set([
          'Owner',
          'Executive manager',
          'Team manager',
          'Project manager',
          'Project viewer',
          'Regular User',
        ]),
      );
      expect(state.projectsOf(1)).toHaveLength(20);
      expect(state.contractsOf(1)).toHaveLength(100);
      expect([...state.tasks.values()].filter((t) => t.projectId === 1000)).toHaveLength(10);
    } finally {
      await sim.close();
    }
  });

  it('the same seed gives the same data; /__sim/reset restores it after writes', async () => {
    const a = await startTestSimulator({ seed: 7 });
    const b = await startTestSimulator({ seed: 7 });
    try {
      const names = async (sim: typeof a) =>
        (await call(sim, 'GET', '/members', { query: { workspace_id: 1, per_page: 100 } })).body.data.map(
          (m: any) => m.email,
        );
      expect(await names(a)).toEqual(await names(b));
      const before = await names(a);
      expectSuccess(
        await call(a, 'POST', '/members', {
          query: { workspace_id: 1 },
          body: {
            email: 'new.person@example.com',
            firstname: 'New',
            lastname: 'Person',
            role: 'Regular User',
          },
        }),
      );
      expect(await names(a)).toHaveLength(before.length + 1);
      await fetch(`${a.url}/__sim/reset`, { method: 'POST' });
      expect(await names(a)).toEqual(before);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('command line', () => {
  it('parses flags and rejects bad ones with the flag name', () => {
    const parsed = parseSimulatorArgs([
      '--port',
      '4010',
      '--latency-ms',
      '50',
      '--rate-limit',
      '0',
      '--fail-rate',
      '0.5',
    ]);
    expect(parsed.port).toBe(4010);
    expect(parsed.options).toMatchObject({
      latencyMs: 50,
      rateLimit: 0,
      failRate: 0.5,
      membersPerWorkspace: 50,
    });
    expect(() => parseSimulatorArgs(['--fail-rate', '2'])).toThrow(
      /--fail-rate expects a number between 0 and 1, got "2"/,
    );
    expect(() => parseSimulatorArgs(['--members=-1'])).toThrow(/--members expects a non-negative integer/);
    expect(() => parseSimulatorArgs(['--nope', '1'])).toThrow();
  });
});
