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
const tasks = () => [...sim.state.tasks.values()].filter((t) => t.workspaceId === 1);
const contractUsers = (projectId: number) =>
  sorted(
    sim.state
      .contractsOf(1)
      .filter((c) => c.projectId === projectId)
      .map((c) => c.userId),
  );

/** The active project with the most contracted members (so assign tests have candidates). */
function busyProject() {
  return sim.state
    .projectsOf(1)
    .filter((p) => p.status === 1)
    .sort((a, b) => contractUsers(b.id).length - contractUsers(a.id).length)[0]!;
}
/** An active member without a contract on the project. */
const outsiderOf = (projectId: number) =>
  sim.state
    .membersOf(1)
    .find(
      (m) =>
        m.status === 'active' && m.role === 'Regular User' && !contractUsers(projectId).includes(m.userId),
    )!;

describe('GET /tasks', () => {
  it('lists the tasks of a project with the Task fields and assignees', async () => {
    const project = busyProject();
    const body = expectSuccess(
      await call(sim, 'GET', '/tasks', { query: { ...all, project_id: project.id } }),
    );
    expect(body.message).toBe('Tasks retrieved successfully');
    const expected = tasks().filter((t) => t.projectId === project.id);
    expect(ids(body.data)).toEqual(sorted(expected.map((t) => t.id)));
    expect(body.meta.pagination.total).toBe(expected.length);
    const task = expected.find((t) => t.assigneeIds.length > 0) ?? expected[0]!;
    expect(body.data.find((t: any) => t.id === task.id)).toEqual({
      id: task.id,
      title: task.title,
      description: task.description,
      project_id: project.id,
      owner_id: task.ownerId,
      creator_id: task.creatorId,
      status: task.status,
      priority: task.priority,
      start_date: task.startDate,
      end_date: task.endDate,
      completed_at: task.completedAt,
      assignees: task.assigneeIds.map((id) => {
        const user = sim.state.users.get(id)!;
        return { id, firstname: user.firstname, lastname: user.lastname, email: user.email };
      }),
      has_details: !!task.description,
      parent_id: null,
      created_at: task.createdAt,
      updated_at: task.updatedAt,
    });
  });

  it('without project_id lists the tasks of every project the caller may see', async () => {
    const owner = expectSuccess(await call(sim, 'GET', '/tasks', { query: { ...ws, per_page: 1 } }));
    expect(owner.meta.pagination.total).toBe(tasks().length);
    const me = userIdOf(sim, 'demo-member');
    const mine = new Set(
      sim.state
        .contractsOf(1)
        .filter((c) => c.userId === me)
        .map((c) => c.projectId),
    );
    const member = expectSuccess(await call(sim, 'GET', '/tasks', { token: 'demo-member', query: all }));
    expect(ids(member.data)).toEqual(
      sorted(
        tasks()
          .filter((t) => mine.has(t.projectId))
          .map((t) => t.id),
      ),
    );
    expect(member.data.length).toBeGreaterThan(0);
  });

  it('filters by status, priority and contract_id; orders by order_by', async () => {
    const project = busyProject();
    const inProject = tasks().filter((t) => t.projectId === project.id);
    const status = inProject[0]!.status;
    const byStatus = expectSuccess(
      await call(sim, 'GET', '/tasks', { query: { ...all, project_id: project.id, status } }),
    );
    expect(ids(byStatus.data)).toEqual(sorted(inProject.filter((t) => t.status === status).map((t) => t.id)));
    const priority = inProject[0]!.priority;
    const byPriority = expectSuccess(await call(sim, 'GET', '/tasks', { query: { ...all, priority } }));
    expect(ids(byPriority.data)).toEqual(
      sorted(
        tasks()
          .filter((t) => t.priority === priority)
          .map((t) => t.id),
      ),
    );
    const contract = sim.state
      .contractsOf(1)
      .find((c) => inProject.some((t) => t.assigneeIds.includes(c.userId) && c.projectId === project.id))!;
    const byContract = expectSuccess(
      await call(sim, 'GET', '/tasks', { query: { ...all, contract_id: contract.id } }),
    );
    expect(ids(byContract.data)).toEqual(
      sorted(inProject.filter((t) => t.assigneeIds.includes(contract.userId)).map((t) => t.id)),
    );
    const ordered = expectSuccess(
      await call(sim, 'GET', '/tasks', { query: { ...all, project_id: project.id, order_by: '-priority' } }),
    );
    const priorities = ordered.data.map((t: any) => t.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
  });

  it('403 for a project the caller may not see, 404 unknown project, 422 bad filters, 400 no workspace', async () => {
    const me = userIdOf(sim, 'demo-member');
    const mine = new Set(
      sim.state
        .contractsOf(1)
        .filter((c) => c.userId === me)
        .map((c) => c.projectId),
    );
    const other = sim.state.projectsOf(1).find((p) => !mine.has(p.id))!;
    expectFailure(
      await call(sim, 'GET', '/tasks', { token: 'demo-member', query: { ...ws, project_id: other.id } }),
      403,
    );
    expectFailure(
      await call(sim, 'GET', '/tasks', { query: { ...ws, project_id: 999999 } }),
      404,
      /project_id 999999/,
    );
    expectFailure(
      await call(sim, 'GET', '/tasks', { query: { ...ws, status: 5 } }),
      422,
      /status must be one of/,
    );
    expectFailure(
      await call(sim, 'GET', '/tasks', { query: { ...ws, order_by: 'colour' } }),
      422,
      /order_by/,
    );
    expectFailure(await call(sim, 'GET', '/tasks', { query: { project_id: other.id } }), 400, /workspace_id/);
  });
});

describe('POST /tasks', () => {
  it('creates a task (201) with defaults and assignees; sub-tasks by parent_id', async () => {
    const project = busyProject();
    const [a, b] = contractUsers(project.id);
    const body = expectSuccess(
      await call(sim, 'POST', '/tasks', {
        body: {
          ...ws,
          project_id: project.id,
          title: 'Implement user authentication',
          description: 'Add OAuth2 authentication support',
          start_date: '2024-01-15',
          end_date: '2024-01-30',
          assignees: [a, b],
        },
      }),
      201,
    );
    expect(body.message).toBe('Task created successfully');
    expect(body.data).toMatchObject({
      id: expect.any(Number),
      title: 'Implement user authentication',
      project_id: project.id,
      owner_id: sim.state.workspaces.get(1)!.ownerId,
      creator_id: userIdOf(sim, 'demo-owner'),
      status: 0,
      priority: 30,
      start_date: '2024-01-15',
      end_date: '2024-01-30',
      completed_at: null,
      parent_id: null,
    });
    expect(ids(body.data.assignees)).toEqual(sorted([a!, b!]));
    const got = expectSuccess(
      await call(sim, 'GET', `/tasks/${body.data.id}`, { query: { ...ws, project_id: project.id } }),
    );
    expect(got.data).toEqual(body.data);

    const sub = expectSuccess(
      await call(sim, 'POST', '/tasks', {
        body: { ...ws, project_id: project.id, title: 'Sub-task', parent_id: body.data.id, status: 20 },
      }),
      201,
    );
    expect(sub.data).toMatchObject({ parent_id: body.data.id, status: 20, completed_at: expect.any(String) });
    const children = expectSuccess(
      await call(sim, 'GET', '/tasks', {
        query: { ...all, project_id: project.id, parent_id: body.data.id },
      }),
    );
    expect(ids(children.data)).toEqual([sub.data.id]);
  });

  it('lets a Project manager create tasks on his projects only', async () => {
    const pm = sim.state
      .membersOf(1)
      .find(
        (m) =>
          m.role === 'Project manager' &&
          m.status === 'active' &&
          sim.state.contractsOf(1).some((c) => c.userId === m.userId),
      )!;
    const mine = sim.state.contractsOf(1).find((c) => c.userId === pm.userId)!.projectId;
    const other = sim.state.projectsOf(1).find((p) => !contractUsers(p.id).includes(pm.userId))!;
    const body = expectSuccess(
      await call(sim, 'POST', '/tasks', {
        token: userToken(pm.userId),
        body: { ...ws, project_id: mine, title: 'PM task' },
      }),
      201,
    );
    expect(body.data.creator_id).toBe(pm.userId);
    expectFailure(
      await call(sim, 'POST', '/tasks', {
        token: userToken(pm.userId),
        body: { ...ws, project_id: other.id, title: 'x' },
      }),
      403,
    );
  });

  it('400 missing title, 422 end before start / bad assignee / bad parent, 403 Regular User, 404 project', async () => {
    const project = busyProject();
    const base = { ...ws, project_id: project.id, title: 'T' };
    expectFailure(
      await call(sim, 'POST', '/tasks', { body: { ...base, title: undefined } }),
      400,
      /title is required/,
    );
    expectFailure(
      await call(sim, 'POST', '/tasks', { body: { ...base, project_id: undefined } }),
      400,
      /project_id is required/,
    );
    expectFailure(
      await call(sim, 'POST', '/tasks', {
        body: { ...base, start_date: '2024-02-01', end_date: '2024-01-31' },
      }),
      422,
      /end_date must be on or after start_date/,
    );
    expectFailure(await call(sim, 'POST', '/tasks', { body: { ...base, priority: 50 } }), 422, /priority/);
    expectFailure(
      await call(sim, 'POST', '/tasks', { body: { ...base, assignees: [outsiderOf(project.id).userId] } }),
      422,
      /no contract on project/,
    );
    expectFailure(
      await call(sim, 'POST', '/tasks', { body: { ...base, assignees: ['x'] } }),
      422,
      /assignees/,
    );
    const foreignTask = tasks().find((t) => t.projectId !== project.id)!;
    expectFailure(
      await call(sim, 'POST', '/tasks', { body: { ...base, parent_id: foreignTask.id } }),
      422,
      /parent_id/,
    );
    expectFailure(
      await call(sim, 'POST', '/tasks', { token: 'demo-member', body: base }),
      403,
      /create tasks/,
    );
    expectFailure(await call(sim, 'POST', '/tasks', { body: { ...base, project_id: 999999 } }), 404);
  });
});

describe('GET /tasks/{taskId}', () => {
  it('returns one task; 404 for unknown ids or a project_id that is not the task project; 403 invisible', async () => {
    const task = tasks()[0]!;
    const body = expectSuccess(await call(sim, 'GET', `/tasks/${task.id}`, { query: ws }));
    expect(body.data).toMatchObject({ id: task.id, title: task.title, project_id: task.projectId });
    const otherProject = sim.state.projectsOf(1).find((p) => p.id !== task.projectId)!;
    expectFailure(
      await call(sim, 'GET', `/tasks/${task.id}`, { query: { ...ws, project_id: otherProject.id } }),
      404,
      /does not belong/,
    );
    expectFailure(await call(sim, 'GET', '/tasks/999999', { query: ws }), 404, /No task with id 999999/);
    const foreign = [...sim.state.tasks.values()].find((t) => t.workspaceId === 2)!;
    expectFailure(await call(sim, 'GET', `/tasks/${foreign.id}`, { query: ws }), 404);
    const me = userIdOf(sim, 'demo-member');
    const hidden = tasks().find((t) => !contractUsers(t.projectId).includes(me))!;
    expectFailure(await call(sim, 'GET', `/tasks/${hidden.id}`, { token: 'demo-member', query: ws }), 403);
  });
});

describe('PUT /tasks/{taskId}', () => {
  it('updates fields; completed_at follows the status; assignees are replaced', async () => {
    const project = busyProject();
    const task = tasks().find((t) => t.projectId === project.id && t.status < 20)!;
    const [a] = contractUsers(project.id);
    const body = expectSuccess(
      await call(sim, 'PUT', `/tasks/${task.id}`, {
        body: { ...ws, project_id: project.id, title: 'Renamed', status: 30, priority: 10, assignees: [a] },
      }),
    );
    expect(body.message).toBe('Task updated successfully');
    expect(body.data).toMatchObject({
      title: 'Renamed',
      status: 30,
      priority: 10,
      completed_at: expect.any(String),
    });
    expect(ids(body.data.assignees)).toEqual([a]);
    const reopened = expectSuccess(
      await call(sim, 'PUT', `/tasks/${task.id}`, { body: { ...ws, project_id: project.id, status: 10 } }),
    );
    expect(reopened.data).toMatchObject({ status: 10, completed_at: null, title: 'Renamed' });
    const got = expectSuccess(await call(sim, 'GET', `/tasks/${task.id}`, { query: ws }));
    expect(got.data).toEqual(reopened.data);
  });

  it('422 end before the stored start, 400 nothing to update, 403 Regular User, 404 wrong project', async () => {
    const task = tasks().find((t) => t.startDate)!;
    const before = `${Number(task.startDate!.slice(0, 4)) - 1}${task.startDate!.slice(4)}`;
    expectFailure(
      await call(sim, 'PUT', `/tasks/${task.id}`, { body: { ...ws, end_date: before } }),
      422,
      /end_date/,
    );
    expectFailure(
      await call(sim, 'PUT', `/tasks/${task.id}`, { body: { ...ws, name: 'x' } }),
      400,
      /Nothing to update/,
    );
    expectFailure(
      await call(sim, 'PUT', `/tasks/${task.id}`, { body: { ...ws, parent_id: task.id } }),
      422,
      /parent_id/,
    );
    expectFailure(
      await call(sim, 'PUT', `/tasks/${task.id}`, { token: 'demo-member', body: { ...ws, title: 'x' } }),
      403,
    );
    expectFailure(
      await call(sim, 'PUT', `/tasks/${task.id}`, { body: { ...ws, project_id: 999999, title: 'x' } }),
      404,
    );
  });
});

describe('DELETE /tasks/{taskId}', () => {
  it('deletes with workspace_id and project_id in the JSON body, sub-tasks included', async () => {
    const project = busyProject();
    const parent = expectSuccess(
      await call(sim, 'POST', '/tasks', { body: { ...ws, project_id: project.id, title: 'P' } }),
      201,
    );
    const child = expectSuccess(
      await call(sim, 'POST', '/tasks', {
        body: { ...ws, project_id: project.id, title: 'C', parent_id: parent.data.id },
      }),
      201,
    );
    const body = expectSuccess(
      await call(sim, 'DELETE', `/tasks/${parent.data.id}`, { body: { ...ws, project_id: project.id } }),
    );
    expect(body).toMatchObject({ data: null, message: 'Task deleted successfully' });
    expectFailure(await call(sim, 'GET', `/tasks/${parent.data.id}`, { query: ws }), 404);
    expectFailure(await call(sim, 'GET', `/tasks/${child.data.id}`, { query: ws }), 404);
  });

  it('403 Regular User, 404 unknown or wrong project, 400 without workspace_id', async () => {
    const task = tasks()[1]!;
    expectFailure(
      await call(sim, 'DELETE', `/tasks/${task.id}`, {
        token: 'demo-member',
        body: { ...ws, project_id: task.projectId },
      }),
      403,
    );
    const other = sim.state.projectsOf(1).find((p) => p.id !== task.projectId)!;
    expectFailure(
      await call(sim, 'DELETE', `/tasks/${task.id}`, { body: { ...ws, project_id: other.id } }),
      404,
    );
    expectFailure(await call(sim, 'DELETE', '/tasks/999999', { body: ws }), 404);
    expectFailure(
      await call(sim, 'DELETE', `/tasks/${task.id}`, { body: { project_id: task.projectId } }),
      400,
      /workspace_id/,
    );
    expect(sim.state.tasks.has(task.id)).toBe(true);
  });
});

describe('assign, unassign, assignees', () => {
  it('assigns a member of the project, lists him, unassigns him', async () => {
    const project = busyProject();
    const task = tasks().find(
      (t) => t.projectId === project.id && contractUsers(project.id).some((u) => !t.assigneeIds.includes(u)),
    )!;
    const userId = contractUsers(project.id).find((u) => !task.assigneeIds.includes(u))!;
    const target = { body: { ...ws, project_id: project.id } };
    const assigned = expectSuccess(await call(sim, 'POST', `/tasks/${task.id}/assign/${userId}`, target));
    expect(assigned).toMatchObject({ data: null, message: 'Task assigned successfully' });
    const list = expectSuccess(
      await call(sim, 'GET', `/tasks/${task.id}/assignees`, { query: { ...ws, project_id: project.id } }),
    );
    const user = sim.state.users.get(userId)!;
    expect(list.data).toContainEqual({
      id: userId,
      firstname: user.firstname,
      lastname: user.lastname,
      email: user.email,
    });
    expect(list.meta.pagination.total).toBe(task.assigneeIds.length);
    expectFailure(
      await call(sim, 'POST', `/tasks/${task.id}/assign/${userId}`, target),
      422,
      /already assigned/,
    );

    const unassigned = expectSuccess(
      await call(sim, 'DELETE', `/tasks/${task.id}/unassign/${userId}`, target),
    );
    expect(unassigned).toMatchObject({ data: null, message: 'Task unassigned successfully' });
    const after = expectSuccess(await call(sim, 'GET', `/tasks/${task.id}`, { query: ws }));
    expect(ids(after.data.assignees)).not.toContain(userId);
    expectFailure(
      await call(sim, 'DELETE', `/tasks/${task.id}/unassign/${userId}`, target),
      422,
      /not assigned/,
    );
  });

  it('assign: 422 without a contract on the project, 404 unknown user or task, 403 Regular User', async () => {
    const project = busyProject();
    const task = tasks().find((t) => t.projectId === project.id)!;
    const target = { body: { ...ws, project_id: project.id } };
    const outsider = outsiderOf(project.id);
    expectFailure(
      await call(sim, 'POST', `/tasks/${task.id}/assign/${outsider.userId}`, target),
      422,
      /no contract/,
    );
    expectFailure(await call(sim, 'POST', `/tasks/${task.id}/assign/999999`, target), 404, /No member/);
    expectFailure(await call(sim, 'POST', `/tasks/999999/assign/${outsider.userId}`, target), 404, /No task/);
    expectFailure(
      await call(sim, 'POST', `/tasks/${task.id}/assign/${outsider.userId}`, {
        ...target,
        token: 'demo-member',
      }),
      403,
    );
  });

  it('unassign: 403 Regular User, 404 unknown task; assignees: 404 unknown task, 400 no workspace', async () => {
    const task = tasks().find((t) => t.assigneeIds.length > 0)!;
    const userId = task.assigneeIds[0]!;
    expectFailure(
      await call(sim, 'DELETE', `/tasks/${task.id}/unassign/${userId}`, {
        token: 'demo-member',
        body: { ...ws, project_id: task.projectId },
      }),
      403,
    );
    expectFailure(await call(sim, 'DELETE', `/tasks/999999/unassign/${userId}`, { body: ws }), 404);
    expectFailure(await call(sim, 'GET', '/tasks/999999/assignees', { query: ws }), 404);
    expectFailure(await call(sim, 'GET', `/tasks/${task.id}/assignees`), 400, /workspace_id/);
  });
});
