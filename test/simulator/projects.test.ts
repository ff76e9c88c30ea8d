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
const activeProjects = () => sim.state.projectsOf(1).filter((p) => p.status === 1);
const contractProjects = (userIds: number[]) =>
  sorted(
    sim.state
      .contractsOf(1)
      .filter((c) => userIds.includes(c.userId) && sim.state.projects.get(c.projectId)!.status === 1)
      .map((c) => c.projectId),
  );

describe('GET /projects', () => {
  it('gives Owners every active project with the Project fields', async () => {
    const body = expectSuccess(await call(sim, 'GET', '/projects', { query: all }));
    expect(body.message).toBe('Projects retrieved successfully');
    expect(ids(body.data)).toEqual(sorted(activeProjects().map((p) => p.id)));
    expect(body.meta.pagination.total).toBe(activeProjects().length);
    const project = activeProjects()[0]!;
    const active = sim.state
      .contractsOf(1)
      .filter((c) => c.projectId === project.id && c.status === 'active');
    expect(body.data.find((p: any) => p.id === project.id)).toEqual({
      id: project.id,
      name: project.name,
      owner_id: sim.state.workspaces.get(1)!.ownerId,
      start_date: project.startDate,
      deadline: project.deadline,
      estimation: project.estimation,
      budget_estimation: project.budget,
      notes: project.notes,
      icon: project.icon,
      is_billable: project.isBillable,
      rate: project.rate,
      weekly_hours_limit: project.weeklyHoursLimit,
      screenshots: project.screenshots,
      tags: project.tags,
      contracts_count: active.length,
      status: 1,
      created_at: project.createdAt,
      updated_at: project.updatedAt,
      deleted_at: null,
    });
  });

  it('shows a Regular User only the projects he has a contract on', async () => {
    const me = userIdOf(sim, 'demo-member');
    const body = expectSuccess(await call(sim, 'GET', '/projects', { token: 'demo-member', query: all }));
    expect(ids(body.data)).toEqual(contractProjects([me]));
    expect(body.data.length).toBeGreaterThan(0);
    const rateStatus = sim.state.membership(1, me)!.rateStatus;
    for (const p of body.data) expect('rate' in p).toBe(rateStatus === 1);
  });

  it('shows a Project viewer his assigned projects', async () => {
    const viewer = [...sim.state.viewers.values()].find((v) => v.workspaceId === 1)!;
    const body = expectSuccess(
      await call(sim, 'GET', '/projects', { token: userToken(viewer.userId), query: all }),
    );
    expect(ids(body.data)).toEqual(sorted(viewer.projectIds));
  });

  it("shows a Team manager his team's projects", async () => {
    const tm = sim.state
      .membersOf(1)
      .find((m) => m.role === 'Team manager' && m.status === 'active' && m.teamName)!;
    const team = sim.state
      .membersOf(1)
      .filter((m) => m.teamName === tm.teamName)
      .map((m) => m.userId);
    const body = expectSuccess(
      await call(sim, 'GET', '/projects', { token: userToken(tm.userId), query: all }),
    );
    expect(ids(body.data)).toEqual(contractProjects(team));
  });

  it('filters by a case-insensitive part of the name', async () => {
    const project = activeProjects()[1]!;
    const part = project.name.split(' ')[1]!.toUpperCase();
    const body = expectSuccess(await call(sim, 'GET', '/projects', { query: { ...all, name: part } }));
    expect(ids(body.data)).toEqual(
      sorted(
        activeProjects()
          .filter((p) => p.name.toLowerCase().includes(part.toLowerCase()))
          .map((p) => p.id),
      ),
    );
    expect(ids(body.data)).toContain(project.id);
  });

  it('400 without workspace_id, 403 outside the workspace, 422 on bad paging', async () => {
    expectFailure(await call(sim, 'GET', '/projects'), 400, /workspace_id/);
    expectFailure(await call(sim, 'GET', '/projects', { token: 'demo-owner-2', query: ws }), 403);
    expectFailure(await call(sim, 'GET', '/projects', { query: { ...ws, per_page: 101 } }), 422, /per_page/);
  });
});

describe('POST /projects', () => {
  it('creates a project (201), workspace_id in the query; it shows up in later reads', async () => {
    const res = await call(sim, 'POST', '/projects', {
      query: ws,
      body: {
        name: 'Marketing Campaign Q1',
        start_date: '2024-01-15',
        deadline: '2024-03-31',
        estimation: 120,
        budget: 5000,
        notes: 'Focus on social media channels',
        icon: 'project-icon-1',
      },
    });
    const body = expectSuccess(res, 201);
    expect(body.message).toBe('Project created successfully');
    expect(body.data).toMatchObject({
      id: expect.any(Number),
      name: 'Marketing Campaign Q1',
      owner_id: sim.state.workspaces.get(1)!.ownerId,
      start_date: '2024-01-15',
      deadline: '2024-03-31',
      estimation: 120,
      budget_estimation: 5000,
      notes: 'Focus on social media channels',
      icon: 'project-icon-1',
      is_billable: true,
      contracts_count: 0,
      status: 1,
      tags: [],
      deleted_at: null,
    });
    const got = expectSuccess(await call(sim, 'GET', `/projects/${body.data.id}`, { query: ws }));
    expect(got.data).toEqual(body.data);
    const list = expectSuccess(
      await call(sim, 'GET', '/projects', { query: { ...all, name: 'marketing campaign' } }),
    );
    expect(ids(list.data)).toContain(body.data.id);
  });

  it('accepts workspace_id in the body (doc set B) and a non-billable project', async () => {
    const body = expectSuccess(
      await call(sim, 'POST', '/projects', {
        token: 'demo-manager',
        body: { ...ws, name: 'Internal', is_billable: false },
      }),
      201,
    );
    expect(body.data).toMatchObject({ name: 'Internal', is_billable: false, start_date: null });
  });

  it('400 without name, 422 on bad values, 403 for non-admins', async () => {
    expectFailure(await call(sim, 'POST', '/projects', { query: ws, body: {} }), 400, /name is required/);
    expectFailure(
      await call(sim, 'POST', '/projects', {
        query: ws,
        body: { name: 'x', start_date: '2024-03-01', deadline: '2024-02-01' },
      }),
      422,
      /deadline must be on or after start_date/,
    );
    expectFailure(
      await call(sim, 'POST', '/projects', { query: ws, body: { name: 'x', start_date: '2024-02-30' } }),
      422,
      /start_date/,
    );
    expectFailure(
      await call(sim, 'POST', '/projects', { query: ws, body: { name: 'x', budget: 'lots' } }),
      422,
      /budget/,
    );
    expectFailure(
      await call(sim, 'POST', '/projects', { token: 'demo-member', query: ws, body: { name: 'x' } }),
      403,
      /create projects/,
    );
  });
});

describe('GET /projects/{projectId}', () => {
  it('returns one project', async () => {
    const project = activeProjects()[2]!;
    const body = expectSuccess(await call(sim, 'GET', `/projects/${project.id}`, { query: ws }));
    expect(body.data).toMatchObject({ id: project.id, name: project.name });
  });

  it('403 for a project the caller is not assigned to, 404 for unknown or foreign ids', async () => {
    const mine = new Set(contractProjects([userIdOf(sim, 'demo-member')]));
    const other = activeProjects().find((p) => !mine.has(p.id))!;
    expectFailure(
      await call(sim, 'GET', `/projects/${other.id}`, { token: 'demo-member', query: ws }),
      403,
      /not assigned/,
    );
    expectFailure(
      await call(sim, 'GET', '/projects/999999', { query: ws }),
      404,
      /No project with id 999999/,
    );
    const foreign = sim.state.projectsOf(2)[0]!;
    expectFailure(await call(sim, 'GET', `/projects/${foreign.id}`, { query: ws }), 404);
  });
});

describe('PUT /projects/{projectId}', () => {
  it('updates fields, visible to later reads', async () => {
    const project = activeProjects()[3]!;
    const body = expectSuccess(
      await call(sim, 'PUT', `/projects/${project.id}`, {
        query: ws,
        body: { name: 'Renamed project', start_date: '2024-05-01', deadline: '2024-06-01', notes: 'n' },
      }),
    );
    expect(body.message).toBe('Project updated successfully');
    expect(body.data).toMatchObject({ name: 'Renamed project', deadline: '2024-06-01', notes: 'n' });
    const got = expectSuccess(await call(sim, 'GET', `/projects/${project.id}`, { query: ws }));
    expect(got.data).toMatchObject({
      name: 'Renamed project',
      start_date: '2024-05-01',
      deadline: '2024-06-01',
    });
  });

  it('checks the dates against the stored ones (422), empty body 400, 403, 404', async () => {
    const project = activeProjects()[3]!;
    expectFailure(
      await call(sim, 'PUT', `/projects/${project.id}`, { query: ws, body: { deadline: '2024-04-01' } }),
      422,
      /deadline/,
    );
    expectFailure(
      await call(sim, 'PUT', `/projects/${project.id}`, { query: ws, body: {} }),
      400,
      /Nothing to update/,
    );
    expectFailure(
      await call(sim, 'PUT', `/projects/${project.id}`, { query: ws, body: { name: ' ' } }),
      422,
      /name/,
    );
    expectFailure(
      await call(sim, 'PUT', `/projects/${project.id}`, {
        token: 'demo-member',
        query: ws,
        body: { name: 'x' },
      }),
      403,
    );
    expectFailure(await call(sim, 'PUT', '/projects/999999', { query: ws, body: { name: 'x' } }), 404);
  });
});

describe('DELETE /projects/{projectId}', () => {
  it('archives: status 0 and deleted_at set; gone from the list; no more changes', async () => {
    const project = activeProjects()[4]!;
    const body = expectSuccess(await call(sim, 'DELETE', `/projects/${project.id}`, { query: ws }));
    expect(body).toMatchObject({ data: null, message: 'Project archived successfully' });
    const got = expectSuccess(await call(sim, 'GET', `/projects/${project.id}`, { query: ws }));
    expect(got.data).toMatchObject({ status: 0, deleted_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    const list = expectSuccess(await call(sim, 'GET', '/projects', { query: all }));
    expect(ids(list.data)).not.toContain(project.id);
    expectFailure(
      await call(sim, 'DELETE', `/projects/${project.id}`, { query: ws }),
      400,
      /already archived/,
    );
    expectFailure(
      await call(sim, 'PUT', `/projects/${project.id}`, { query: ws, body: { name: 'x' } }),
      400,
      /archived/,
    );
  });

  it('403 for non-admins, 404 for unknown ids', async () => {
    const project = activeProjects()[5]!;
    expectFailure(
      await call(sim, 'DELETE', `/projects/${project.id}`, { token: 'demo-member', query: ws }),
      403,
    );
    expectFailure(await call(sim, 'DELETE', '/projects/999999', { query: ws }), 404);
  });
});
