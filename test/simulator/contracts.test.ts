import {
  call,
  expectFailure,
  expectSuccess,
  startTestSimulator,
  type SimulatorHandle,
  userIdOf,
  sortedUnique as sorted,
  uniqueSortedIds as ids,
} from '../support/sim-client.js';
import { userToken } from '../../src/simulator/state/demo-tokens.js';

let sim: SimulatorHandle;
beforeAll(async () => {
  // The union of both doc sets (`lenient`); docs-exact's differences: profile-*.test.ts.
  sim = await startTestSimulator({ profile: 'lenient' });
});
afterAll(() => sim.close());

const ws = { workspace_id: 1 };
const all = { ...ws, per_page: 100 };
const contracts = () => sim.state.contractsOf(1);
const billable = (projectId: number) => sim.state.projects.get(projectId)!.isBillable;

/** An active Regular User with no contract on an active project yet, and that project. */
function freePair() {
  const project = sim.state.projectsOf(1).find((p) => p.status === 1 && p.isBillable)!;
  const member = sim.state
    .membersOf(1)
    .find(
      (m) =>
        m.role === 'Regular User' &&
        m.status === 'active' &&
        !contracts().some((c) => c.userId === m.userId && c.projectId === project.id),
    )!;
  return { project, member };
}

describe('GET /contracts', () => {
  it('gives Owners every contract, with top-level pagination and meta.pagination', async () => {
    const body = expectSuccess(await call(sim, 'GET', '/contracts', { query: { ...ws, per_page: 10 } }));
    expect(body.message).toBe('Contracts retrieved successfully');
    const total = contracts().length;
    const lastPage = Math.ceil(total / 10);
    expect(body.pagination).toEqual({ current_page: 1, per_page: 10, total, last_page: lastPage });
    expect(body.meta.pagination).toEqual({
      current_page: 1,
      per_page: 10,
      total,
      last_page: lastPage,
      from: 1,
      to: 10,
    });
    const contract = contracts().find((c) => billable(c.projectId))!;
    const project = sim.state.projects.get(contract.projectId)!;
    const user = sim.state.users.get(contract.userId)!;
    const row = body.data.find((c: any) => c.id === contract.id);
    expect(row).toEqual({
      id: contract.id,
      project_id: project.id,
      project_name: project.name,
      project_icon: project.icon,
      user_id: user.id,
      user_firstname: user.firstname,
      user_lastname: user.lastname,
      user_email: user.email,
      user_role: sim.state.membership(1, user.id)!.role,
      weekly_hours_limit: contract.weeklyHoursLimit,
      screenshots: contract.screenshots,
      screenshots_label: expect.any(String),
      rate: contract.rate,
      rate_type: contract.rateType,
      status: contract.status,
      currency: contract.currency,
      is_billable: true,
      created_at: contract.createdAt,
      updated_at: contract.updatedAt,
    });
  });

  it('hides the rate on non-billable projects, even from Owners', async () => {
    const contract = contracts().find((c) => !billable(c.projectId))!;
    const body = expectSuccess(
      await call(sim, 'GET', '/contracts', { query: { ...all, project_id: contract.projectId } }),
    );
    expect(body.data.length).toBeGreaterThan(0);
    for (const row of body.data) {
      expect(row).not.toHaveProperty('rate');
      expect(row.is_billable).toBe(false);
    }
  });

  it('shows a Regular User his own contracts only; rates per rate_status', async () => {
    const me = userIdOf(sim, 'demo-member');
    const body = expectSuccess(await call(sim, 'GET', '/contracts', { token: 'demo-member', query: all }));
    expect(ids(body.data)).toEqual(
      sorted(
        contracts()
          .filter((c) => c.userId === me)
          .map((c) => c.id),
      ),
    );
    expect(body.data.length).toBeGreaterThan(0);
    const mayView = sim.state.membership(1, me)!.rateStatus === 1;
    for (const row of body.data) expect('rate' in row).toBe(mayView && row.is_billable);
  });

  it("shows a Project manager his projects' contracts plus his own", async () => {
    const pm = sim.state
      .membersOf(1)
      .find(
        (m) =>
          m.role === 'Project manager' &&
          m.status === 'active' &&
          contracts().some((c) => c.userId === m.userId),
      )!;
    const projects = new Set(
      contracts()
        .filter((c) => c.userId === pm.userId)
        .map((c) => c.projectId),
    );
    const body = expectSuccess(
      await call(sim, 'GET', '/contracts', { token: userToken(pm.userId), query: all }),
    );
    expect(ids(body.data)).toEqual(
      sorted(
        contracts()
          .filter((c) => projects.has(c.projectId))
          .map((c) => c.id),
      ),
    );
  });

  it('filters by project_id, user_id and status', async () => {
    const sample = contracts()[3]!;
    const byProject = expectSuccess(
      await call(sim, 'GET', '/contracts', { query: { ...all, project_id: sample.projectId } }),
    );
    expect(ids(byProject.data)).toEqual(
      sorted(
        contracts()
          .filter((c) => c.projectId === sample.projectId)
          .map((c) => c.id),
      ),
    );
    const byUser = expectSuccess(
      await call(sim, 'GET', '/contracts', { query: { ...all, user_id: sample.userId } }),
    );
    expect(ids(byUser.data)).toEqual(
      sorted(
        contracts()
          .filter((c) => c.userId === sample.userId)
          .map((c) => c.id),
      ),
    );
    const paused = expectSuccess(
      await call(sim, 'GET', '/contracts', { query: { ...all, status: 'paused' } }),
    );
    expect(paused.data.length).toBe(contracts().filter((c) => c.status === 'paused').length);
    expect(paused.data.length).toBeGreaterThan(0);
  });

  it('400 without workspace_id, 403 outside the workspace, 422 on bad filters', async () => {
    expectFailure(await call(sim, 'GET', '/contracts'), 400, /workspace_id/);
    expectFailure(await call(sim, 'GET', '/contracts', { token: 'demo-owner-2', query: ws }), 403);
    expectFailure(
      await call(sim, 'GET', '/contracts', { query: { ...ws, status: 'done' } }),
      422,
      /status must be one of/,
    );
    expectFailure(await call(sim, 'GET', '/contracts', { query: { ...ws, user_id: 'me' } }), 422, /user_id/);
  });
});

describe('POST /contracts', () => {
  it('creates a contract (201) with the member rate by default; visible in later reads', async () => {
    const { project, member } = freePair();
    const res = await call(sim, 'POST', '/contracts', {
      query: ws,
      body: {
        project_id: project.id,
        user_id: member.userId,
        weekly_hours_limit: 40,
        screenshots: 'blurred',
      },
    });
    const body = expectSuccess(res, 201);
    expect(body.message).toBe('Contract created successfully');
    expect(body.data).toMatchObject({
      id: expect.any(Number),
      project_id: project.id,
      user_id: member.userId,
      weekly_hours_limit: 40,
      screenshots: 'blurred',
      rate: member.rate,
      rate_type: 2,
      status: 'active',
    });
    const got = expectSuccess(await call(sim, 'GET', `/contracts/${body.data.id}`, { query: ws }));
    expect(got.data).toEqual(body.data);
    const activeNow = sim.state
      .contractsOf(1)
      .filter((c) => c.projectId === project.id && c.status === 'active').length;
    const projectBody = expectSuccess(await call(sim, 'GET', `/projects/${project.id}`, { query: ws }));
    expect(projectBody.data.contracts_count).toBe(activeNow);
    // A second contract for the same member and project is refused.
    expectFailure(
      await call(sim, 'POST', '/contracts', {
        query: ws,
        body: { project_id: project.id, user_id: member.userId },
      }),
      422,
      /already has contract/,
    );
  });

  it('accepts workspace_id in the body and a custom rate (rate_type 1)', async () => {
    const { project, member } = freePair();
    const body = expectSuccess(
      await call(sim, 'POST', '/contracts', {
        token: 'demo-manager',
        body: { ...ws, project_id: project.id, user_id: member.userId, rate: 77 },
      }),
      201,
    );
    expect(body.data).toMatchObject({ rate: 77, rate_type: 1, weekly_hours_limit: 168, screenshots: 'full' });
  });

  it('404 for unknown project or member, 422 for viewers and bad values, 400 for missing ids', async () => {
    const { project, member } = freePair();
    expectFailure(
      await call(sim, 'POST', '/contracts', {
        query: ws,
        body: { project_id: 999999, user_id: member.userId },
      }),
      404,
      /project/,
    );
    expectFailure(
      await call(sim, 'POST', '/contracts', { query: ws, body: { project_id: project.id, user_id: 999999 } }),
      404,
      /member/,
    );
    const viewer = sim.state.membersOf(1).find((m) => m.role === 'Project viewer')!;
    expectFailure(
      await call(sim, 'POST', '/contracts', {
        query: ws,
        body: { project_id: project.id, user_id: viewer.userId },
      }),
      422,
      /Project viewer/,
    );
    const left = sim.state.membersOf(1).find((m) => m.status === 'left')!;
    expectFailure(
      await call(sim, 'POST', '/contracts', {
        query: ws,
        body: { project_id: project.id, user_id: left.userId },
      }),
      422,
      /archived/,
    );
    expectFailure(
      await call(sim, 'POST', '/contracts', {
        query: ws,
        body: { project_id: project.id, user_id: member.userId, screenshots: 'on' },
      }),
      422,
      /screenshots must be one of/,
    );
    expectFailure(
      await call(sim, 'POST', '/contracts', { query: ws, body: { project_id: project.id } }),
      400,
      /user_id is required/,
    );
    expectFailure(
      await call(sim, 'POST', '/contracts', {
        token: 'demo-member',
        query: ws,
        body: { project_id: project.id, user_id: member.userId },
      }),
      403,
    );
  });

  it('400 on an archived project', async () => {
    const { project, member } = freePair();
    const created = expectSuccess(
      await call(sim, 'POST', '/projects', { query: ws, body: { name: 'Soon archived' } }),
      201,
    );
    expectSuccess(await call(sim, 'DELETE', `/projects/${created.data.id}`, { query: ws }));
    expect(project.id).not.toBe(created.data.id);
    expectFailure(
      await call(sim, 'POST', '/contracts', {
        query: ws,
        body: { project_id: created.data.id, user_id: member.userId },
      }),
      400,
      /archived/,
    );
  });
});

describe('GET /contracts/{contractId}', () => {
  it("returns one contract; 403 for a Regular User on someone else's; 404 unknown or foreign", async () => {
    const me = userIdOf(sim, 'demo-member');
    const contract = contracts().find((c) => c.userId !== me)!;
    const body = expectSuccess(await call(sim, 'GET', `/contracts/${contract.id}`, { query: ws }));
    expect(body).toMatchObject({ message: 'Contract retrieved successfully', data: { id: contract.id } });
    expectFailure(
      await call(sim, 'GET', `/contracts/${contract.id}`, { token: 'demo-member', query: ws }),
      403,
    );
    expectFailure(
      await call(sim, 'GET', '/contracts/999999', { query: ws }),
      404,
      /No contract with id 999999/,
    );
    const foreign = sim.state.contractsOf(2)[0]!;
    expectFailure(await call(sim, 'GET', `/contracts/${foreign.id}`, { query: ws }), 404);
  });
});

describe('PUT /contracts/{contractId}', () => {
  it('pauses and resumes (active <-> paused); the same status again is 400', async () => {
    const contract = contracts().find((c) => c.status === 'active')!;
    const paused = expectSuccess(
      await call(sim, 'PUT', `/contracts/${contract.id}`, { query: ws, body: { status: 'paused' } }),
    );
    expect(paused).toMatchObject({ message: 'Contract updated successfully', data: { status: 'paused' } });
    const got = expectSuccess(await call(sim, 'GET', `/contracts/${contract.id}`, { query: ws }));
    expect(got.data.status).toBe('paused');
    expectFailure(
      await call(sim, 'PUT', `/contracts/${contract.id}`, { query: ws, body: { status: 'paused' } }),
      400,
      /already paused/,
    );
    const resumed = expectSuccess(
      await call(sim, 'PUT', `/contracts/${contract.id}`, { body: { ...ws, status: 'active' } }),
    );
    expect(resumed.data.status).toBe('active');
  });

  it('updates limit, screenshots and rate (rate_type becomes 1)', async () => {
    const contract = contracts().find((c) => billable(c.projectId))!;
    const body = expectSuccess(
      await call(sim, 'PUT', `/contracts/${contract.id}`, {
        query: ws,
        body: { weekly_hours_limit: 12, screenshots: 'no_screenshot', rate: 55 },
      }),
    );
    expect(body.data).toMatchObject({
      weekly_hours_limit: 12,
      screenshots: 'no_screenshot',
      screenshots_label: 'Screenshot off',
      rate: 55,
      rate_type: 1,
    });
  });

  it('422 bad values, 400 empty body, 403 non-admin, 404 unknown', async () => {
    const contract = contracts()[0]!;
    expectFailure(
      await call(sim, 'PUT', `/contracts/${contract.id}`, { query: ws, body: { status: 'stopped' } }),
      422,
      /status/,
    );
    expectFailure(
      await call(sim, 'PUT', `/contracts/${contract.id}`, { query: ws, body: { weekly_hours_limit: 200 } }),
      422,
      /weekly_hours_limit/,
    );
    expectFailure(
      await call(sim, 'PUT', `/contracts/${contract.id}`, { query: ws, body: {} }),
      400,
      /Nothing to update/,
    );
    expectFailure(
      await call(sim, 'PUT', `/contracts/${contract.id}`, {
        token: 'demo-member',
        query: ws,
        body: { status: 'paused' },
      }),
      403,
    );
    expectFailure(
      await call(sim, 'PUT', '/contracts/999999', { query: ws, body: { status: 'paused' } }),
      404,
    );
  });
});

describe('DELETE /contracts/{contractId}', () => {
  it('deletes; the contract is gone from later reads', async () => {
    const contract = contracts().find((c) => c.status === 'active')!;
    const countBefore = contracts().filter(
      (c) => c.projectId === contract.projectId && c.status === 'active',
    ).length;
    const body = expectSuccess(await call(sim, 'DELETE', `/contracts/${contract.id}`, { query: ws }));
    expect(body).toMatchObject({ data: null, message: 'Contract deleted successfully' });
    expectFailure(await call(sim, 'GET', `/contracts/${contract.id}`, { query: ws }), 404);
    const project = expectSuccess(await call(sim, 'GET', `/projects/${contract.projectId}`, { query: ws }));
    expect(project.data.contracts_count).toBe(countBefore - 1);
    expectFailure(await call(sim, 'DELETE', `/contracts/${contract.id}`, { query: ws }), 404);
  });

  it('403 for non-admins, 400 without workspace_id', async () => {
    const contract = contracts()[1]!;
    expectFailure(
      await call(sim, 'DELETE', `/contracts/${contract.id}`, { token: 'demo-member', query: ws }),
      403,
    );
    expectFailure(await call(sim, 'DELETE', `/contracts/${contract.id}`), 400, /workspace_id/);
  });
});
