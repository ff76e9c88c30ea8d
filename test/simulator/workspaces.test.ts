import {
  call,
  expectFailure,
  expectSuccess,
  startTestSimulator,
  type SimulatorHandle,
} from '../support/sim-client.js';

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

describe('GET /workspaces', () => {
  it("lists the caller's workspaces with the caller's role, paginated", async () => {
    const body = expectSuccess(await call(sim, 'GET', '/workspaces'));
    expect(body.data.map((w: any) => [w.id, w.role])).toEqual([
      [1, 'Owner'],
      [2, 'Regular User'],
    ]);
    expect(body.data[0]).toMatchObject({
      owner_id: expect.any(Number),
      user_id: body.data[0].owner_id,
      workspace_name: expect.any(String),
      status: 'active',
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
      activated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    });
    expect(body.meta.pagination).toEqual({
      total: 2,
      per_page: 20,
      current_page: 1,
      last_page: 1,
      from: 1,
      to: 2,
    });
  });

  it('shows the second owner only workspace 2', async () => {
    const body = expectSuccess(await call(sim, 'GET', '/workspaces', { token: 'demo-owner-2' }));
    expect(body.data.map((w: any) => w.id)).toEqual([2]);
  });

  it('pages: per_page 1, page 2; a page past the end is empty', async () => {
    const second = expectSuccess(await call(sim, 'GET', '/workspaces', { query: { per_page: 1, page: 2 } }));
    expect(second.data.map((w: any) => w.id)).toEqual([2]);
    expect(second.meta.pagination).toMatchObject({ total: 2, last_page: 2, current_page: 2, from: 2, to: 2 });
    const past = expectSuccess(await call(sim, 'GET', '/workspaces', { query: { page: 9 } }));
    expect(past.data).toEqual([]);
    expect(past.meta.pagination).toMatchObject({ from: null, to: null });
  });

  it('rejects bad pagination with 422 naming the parameter', async () => {
    expectFailure(await call(sim, 'GET', '/workspaces', { query: { per_page: 101 } }), 422, /per_page/);
    expectFailure(await call(sim, 'GET', '/workspaces', { query: { page: 0 } }), 422, /page/);
    expectFailure(
      await call(sim, 'GET', '/workspaces', { query: { page: 'x' } }),
      422,
      /page must be an integer/,
    );
  });

  it('401 without a token or with an unknown one', async () => {
    expectFailure(await call(sim, 'GET', '/workspaces', { token: null }), 401, /Authorization/);
    expectFailure(await call(sim, 'GET', '/workspaces', { token: 'nope' }), 401, /Invalid/);
  });
});
