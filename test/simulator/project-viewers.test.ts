import {
  call,
  expectFailure,
  expectSuccess,
  startTestSimulator,
  type SimulatorHandle,
} from '../support/sim-client.js';

let sim: SimulatorHandle;
beforeAll(async () => {
  // The union of both doc sets (`lenient`); docs-exact's differences: profile-*.test.ts.
  sim = await startTestSimulator({ profile: 'lenient' });
});
afterAll(() => sim.close());

const ws = { workspace_id: 1 };
const viewerIds = (workspaceId: number) =>
  sim.state
    .membersOf(workspaceId)
    .filter((m) => m.role === 'Project viewer')
    .map((m) => m.userId);
const projectIdsOf = (workspaceId: number) => sim.state.projectsOf(workspaceId).map((p) => p.id);
const regularUserId = () => sim.state.membersOf(1).find((m) => m.role === 'Regular User')!.userId;

/** A fresh viewer per test, so tests do not depend on each other's moves. */
async function createViewer(suffix: string) {
  const body = expectSuccess(
    await call(sim, 'POST', '/project-viewers', {
      body: { ...ws, email: `client.${suffix}@example.com`, firstname: 'Cleo', lastname: suffix },
    }),
    201,
  );
  return body.data.id as number;
}

describe('GET /project-viewers', () => {
  it('lists the workspace viewers with their projects, paginated', async () => {
    const body = expectSuccess(
      await call(sim, 'GET', '/project-viewers', { query: { ...ws, per_page: 100 } }),
    );
    expect(body.data.map((v: any) => v.id)).toEqual(viewerIds(1));
    const first = body.data[0];
    const user = sim.state.users.get(first.id)!;
    const access = sim.state.viewers.get(`1:${first.id}`)!;
    expect(first).toEqual({
      id: user.id,
      email: user.email,
      firstname: user.firstname,
      lastname: user.lastname,
      status: 'active',
      member_since: access.memberSince,
      projects: access.projectIds.map((id) => ({
        project_id: id,
        project_name: sim.state.projects.get(id)!.name,
      })),
    });
    expect(body.meta.pagination).toMatchObject({ total: viewerIds(1).length, current_page: 1 });
  });

  it('filters by email', async () => {
    const target = sim.state.users.get(viewerIds(1)[1]!)!;
    const body = expectSuccess(
      await call(sim, 'GET', '/project-viewers', { query: { ...ws, email: target.email.toUpperCase() } }),
    );
    expect(body.data.map((v: any) => v.id)).toEqual([target.id]);
  });

  it('400 without workspace_id, 403 for a Regular User or a stranger', async () => {
    expectFailure(await call(sim, 'GET', '/project-viewers'), 400, /workspace_id is required/);
    expectFailure(
      await call(sim, 'GET', '/project-viewers', { query: ws, token: 'demo-member' }),
      403,
      /Owners and Executive Managers.*Regular User/,
    );
    expectFailure(await call(sim, 'GET', '/project-viewers', { query: ws, token: 'demo-owner-2' }), 403);
  });
});

describe('POST /project-viewers', () => {
  it('creates an active viewer without projects (201) that later reads see', async () => {
    const res = await call(sim, 'POST', '/project-viewers', {
      token: 'demo-manager',
      body: { ...ws, email: 'new.client@example.com', firstname: 'New', lastname: 'Client' },
    });
    const body = expectSuccess(res, 201);
    expect(body.message).toBe('Project viewer created successfully');
    expect(body.data).toMatchObject({
      id: expect.any(Number),
      email: 'new.client@example.com',
      firstname: 'New',
      lastname: 'Client',
      status: 'active',
      member_since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      projects: [],
    });
    expect(sim.state.membership(1, body.data.id)?.role).toBe('Project viewer');
    const list = expectSuccess(
      await call(sim, 'GET', '/project-viewers', { query: { ...ws, email: 'new.client@example.com' } }),
    );
    expect(list.data).toEqual([body.data]);
    // The new user can act with its demo token and sees its role.
    const mine = expectSuccess(await call(sim, 'GET', '/workspaces', { token: `demo-user-${body.data.id}` }));
    expect(mine.data).toEqual([expect.objectContaining({ id: 1, role: 'Project viewer' })]);
  });

  it('validates the body: 400 missing fields, 422 bad email, 400 existing member', async () => {
    expectFailure(
      await call(sim, 'POST', '/project-viewers', { body: { ...ws, firstname: 'A', lastname: 'B' } }),
      400,
      /email is required/,
    );
    expectFailure(
      await call(sim, 'POST', '/project-viewers', {
        body: { ...ws, email: 'not-an-email', firstname: 'A', lastname: 'B' },
      }),
      422,
      /email must be a valid email/,
    );
    expectFailure(
      await call(sim, 'POST', '/project-viewers', {
        body: { ...ws, email: 'x.y@example.com', lastname: 'B' },
      }),
      400,
      /firstname is required/,
    );
    const existing = sim.state.users.get(regularUserId())!;
    expectFailure(
      await call(sim, 'POST', '/project-viewers', {
        body: { ...ws, email: existing.email, firstname: 'A', lastname: 'B' },
      }),
      400,
      /already exists in workspace 1/,
    );
  });

  it('403 for a Regular User', async () => {
    expectFailure(
      await call(sim, 'POST', '/project-viewers', {
        token: 'demo-member',
        body: { ...ws, email: 'nope@example.com', firstname: 'A', lastname: 'B' },
      }),
      403,
      /create project viewers/,
    );
    expect([...sim.state.users.values()].some((u) => u.email === 'nope@example.com')).toBe(false);
  });
});

describe('GET /project-viewers/{viewerId}', () => {
  it('returns one viewer', async () => {
    const id = viewerIds(1)[0]!;
    const body = expectSuccess(await call(sim, 'GET', `/project-viewers/${id}`, { query: ws }));
    expect(body.data).toMatchObject({ id, email: sim.state.users.get(id)!.email });
    expect(body.data.projects.map((p: any) => p.project_id)).toEqual(
      sim.state.viewers.get(`1:${id}`)!.projectIds,
    );
  });

  it('404 for unknown ids, non-viewers and other workspaces; 422 for a non-numeric id', async () => {
    expectFailure(await call(sim, 'GET', '/project-viewers/999999', { query: ws }), 404, /No project viewer/);
    expectFailure(await call(sim, 'GET', `/project-viewers/${regularUserId()}`, { query: ws }), 404);
    expectFailure(await call(sim, 'GET', `/project-viewers/${viewerIds(2)[0]}`, { query: ws }), 404);
    expectFailure(
      await call(sim, 'GET', '/project-viewers/abc', { query: ws }),
      422,
      /viewerId must be an integer/,
    );
  });

  it('403 for a Regular User', async () => {
    expectFailure(
      await call(sim, 'GET', `/project-viewers/${viewerIds(1)[0]}`, { query: ws, token: 'demo-member' }),
      403,
    );
  });
});

describe('DELETE /project-viewers/{viewerId} and POST .../restore', () => {
  it('archives (status left) and restores; repeated moves are 400', async () => {
    const id = await createViewer('archive');
    const archived = expectSuccess(await call(sim, 'DELETE', `/project-viewers/${id}`, { body: ws }));
    expect(archived.data).toMatchObject({ id, status: 'left' });
    expect(sim.state.membership(1, id)!.status).toBe('left');
    const read = expectSuccess(await call(sim, 'GET', `/project-viewers/${id}`, { query: ws }));
    expect(read.data.status).toBe('left');
    expectFailure(await call(sim, 'DELETE', `/project-viewers/${id}`, { body: ws }), 400, /already archived/);

    const restored = expectSuccess(await call(sim, 'POST', `/project-viewers/${id}/restore`, { body: ws }));
    expect(restored.message).toBe('Project viewer restored successfully');
    expect(restored.data).toMatchObject({ id, status: 'active' });
    const again = expectSuccess(await call(sim, 'GET', `/project-viewers/${id}`, { query: ws }));
    expect(again.data.status).toBe('active');
    expectFailure(
      await call(sim, 'POST', `/project-viewers/${id}/restore`, { body: ws }),
      400,
      /not archived \(status "active"\)/,
    );
  });

  it('accepts workspace_id in the query string for DELETE', async () => {
    const id = await createViewer('query');
    expectSuccess(await call(sim, 'DELETE', `/project-viewers/${id}`, { query: ws }));
    expect(sim.state.membership(1, id)!.status).toBe('left');
  });

  it('403 for a Regular User, 404 for an unknown viewer, 400 without workspace_id', async () => {
    const id = viewerIds(1)[0]!;
    expectFailure(
      await call(sim, 'DELETE', `/project-viewers/${id}`, { body: ws, token: 'demo-member' }),
      403,
    );
    expectFailure(
      await call(sim, 'POST', `/project-viewers/${id}/restore`, { body: ws, token: 'demo-member' }),
      403,
    );
    expect(sim.state.membership(1, id)!.status).toBe('active');
    expectFailure(await call(sim, 'DELETE', '/project-viewers/999999', { body: ws }), 404);
    expectFailure(await call(sim, 'POST', '/project-viewers/999999/restore', { body: ws }), 404);
    expectFailure(
      await call(sim, 'POST', `/project-viewers/${id}/restore`, { body: {} }),
      400,
      /workspace_id/,
    );
  });
});

describe('POST /project-viewers/{viewerId}/assign-project and DELETE .../unassign-project', () => {
  it('grants and revokes project access, visible in later reads', async () => {
    const id = await createViewer('assign');
    const projectId = projectIdsOf(1)[0]!;
    const assigned = expectSuccess(
      await call(sim, 'POST', `/project-viewers/${id}/assign-project`, {
        body: { ...ws, project_id: projectId },
      }),
    );
    expect(assigned.message).toBe('Project assigned to viewer successfully');
    expect(assigned.data.projects).toEqual([
      { project_id: projectId, project_name: sim.state.projects.get(projectId)!.name },
    ]);
    const read = expectSuccess(await call(sim, 'GET', `/project-viewers/${id}`, { query: ws }));
    expect(read.data.projects.map((p: any) => p.project_id)).toEqual([projectId]);
    expectFailure(
      await call(sim, 'POST', `/project-viewers/${id}/assign-project`, {
        body: { ...ws, project_id: projectId },
      }),
      400,
      /already assigned/,
    );

    const unassigned = expectSuccess(
      await call(sim, 'DELETE', `/project-viewers/${id}/unassign-project`, {
        body: { ...ws, project_id: projectId },
      }),
    );
    expect(unassigned.message).toBe('Project unassigned from viewer successfully');
    expect(unassigned.data.projects).toEqual([]);
    expect(sim.state.viewers.get(`1:${id}`)!.projectIds).toEqual([]);
    expectFailure(
      await call(sim, 'DELETE', `/project-viewers/${id}/unassign-project`, {
        body: { ...ws, project_id: projectId },
      }),
      400,
      /is not assigned/,
    );
  });

  it('400 without project_id, 404 for projects of other workspaces, 422 for a bad project_id', async () => {
    const id = viewerIds(1)[0]!;
    expectFailure(
      await call(sim, 'POST', `/project-viewers/${id}/assign-project`, { body: ws }),
      400,
      /project_id is required/,
    );
    expectFailure(
      await call(sim, 'POST', `/project-viewers/${id}/assign-project`, {
        body: { ...ws, project_id: projectIdsOf(2)[0] },
      }),
      404,
      /No project with id/,
    );
    expectFailure(
      await call(sim, 'DELETE', `/project-viewers/${id}/unassign-project`, {
        body: { ...ws, project_id: 'x' },
      }),
      422,
      /project_id must be an integer/,
    );
  });

  it('refuses to assign projects to an archived viewer; 403 for a Regular User', async () => {
    const id = await createViewer('archived-assign');
    expectSuccess(await call(sim, 'DELETE', `/project-viewers/${id}`, { body: ws }));
    expectFailure(
      await call(sim, 'POST', `/project-viewers/${id}/assign-project`, {
        body: { ...ws, project_id: projectIdsOf(1)[0] },
      }),
      400,
      /archived/,
    );
    expectFailure(
      await call(sim, 'POST', `/project-viewers/${id}/assign-project`, {
        token: 'demo-member',
        body: { ...ws, project_id: projectIdsOf(1)[0] },
      }),
      403,
    );
    expectFailure(
      await call(sim, 'DELETE', `/project-viewers/${id}/unassign-project`, {
        token: 'demo-member',
        body: { ...ws, project_id: projectIdsOf(1)[0] },
      }),
      403,
    );
  });
});
