import { call, startTestSimulator, type SimulatorHandle } from '../support/sim-client.js';
import { OPERATIONS } from './operations.js';

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

describe('operation coverage', () => {
  it('lists exactly 70 distinct operations', () => {
    expect(new Set(OPERATIONS.map(([m, p]) => `${m} ${p}`)).size).toBe(70);
  });

  it.each(OPERATIONS)(
    '%s %s is served (answers with the WebWork envelope, never "no such endpoint")',
    async (method, path) => {
      const concrete = path.replace(/\{[^}]+\}/g, '999999');
      const response = await call(sim, method, concrete, {
        query: { workspace_id: 1 },
        body: method === 'GET' ? undefined : {},
      });
      expect(response.body).toMatchObject({ success: expect.any(Boolean), meta: { api_version: '2.0.0' } });
      expect(response.body.message ?? '').not.toMatch(/No such endpoint/);
    },
  );

  it('counts each request under its documented route template', async () => {
    await fetch(`${sim.url}/__sim/stats/reset`, { method: 'POST' });
    await call(sim, 'GET', '/members/101', { query: { workspace_id: 1 } });
    await call(sim, 'GET', '/members', { query: { workspace_id: 1 } });
    const stats = await (await fetch(`${sim.url}/__sim/stats`)).json();
    expect(stats).toEqual({ total: 2, byRoute: { 'GET /members/{memberId}': 1, 'GET /members': 1 } });
  });
});
