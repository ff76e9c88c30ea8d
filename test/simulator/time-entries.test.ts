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

/** A day far in the future: no seeded entries, so every interval is under the test's control. */
const DAY = '2031-03-04';

/** An active worker of ws 1 with an active contract whose project has tasks. */
function worker() {
  const s = sim.state;
  for (const contract of s.contractsOf(1)) {
    if (contract.status !== 'active' || s.membership(1, contract.userId)!.status !== 'active') continue;
    const tasks = [...s.tasks.values()].filter((t) => t.projectId === contract.projectId);
    if (tasks.length)
      return { userId: contract.userId, contract, task: tasks[0]!, user: s.users.get(contract.userId)! };
  }
  throw new Error('no worker');
}

describe('GET /time-entries', () => {
  it("lists one user's entries of one day in the TimeEntry shape", async () => {
    const sample = [...sim.state.timeEntries.values()].find((e) => e.workspaceId === 1)!;
    const date = sample.start.slice(0, 10);
    const expected = [...sim.state.timeEntries.values()]
      .filter((e) => e.workspaceId === 1 && e.userId === sample.userId && e.start.startsWith(date))
      .sort((a, b) => a.start.localeCompare(b.start));
    const body = expectSuccess(
      await call(sim, 'GET', '/time-entries', { query: { workspace_id: 1, user_id: sample.userId, date } }),
    );
    expect(body.message).toBe('Time entries retrieved successfully');
    expect(body.data.map((e: any) => e.id)).toEqual(expected.map((e) => e.id));
    const project = sample.projectId ? sim.state.projects.get(sample.projectId)! : null;
    expect(body.data.find((e: any) => e.id === sample.id)).toEqual({
      id: sample.id,
      user_id: sample.userId,
      contract_id: sample.contractId,
      project_id: sample.projectId,
      project_name: project?.name ?? null,
      task_id: sample.taskId,
      task_title: sample.taskId ? sim.state.tasks.get(sample.taskId)!.title : null,
      activity_description: sample.activityDescription,
      method: sample.method,
      date,
      start_time: sample.start,
      end_time: sample.end,
      duration_minutes: Math.floor((Date.parse(sample.end) - Date.parse(sample.start)) / 60000),
    });
    expect(body.meta.pagination).toMatchObject({ total: expected.length, per_page: 20 });
  });

  it('requires user_id and date, caps per_page at 50, and is for Owners/EMs', async () => {
    expectFailure(
      await call(sim, 'GET', '/time-entries', { query: { workspace_id: 1, date: DAY } }),
      400,
      /user_id/,
    );
    expectFailure(
      await call(sim, 'GET', '/time-entries', { query: { workspace_id: 1, user_id: 100 } }),
      400,
      /date/,
    );
    expectFailure(
      await call(sim, 'GET', '/time-entries', {
        query: { workspace_id: 1, user_id: 100, date: DAY, per_page: 51 },
      }),
      422,
      /per_page must be between 1 and 50/,
    );
    expectSuccess(
      await call(sim, 'GET', '/time-entries', {
        query: { workspace_id: 1, user_id: 100, date: DAY, per_page: 50 },
      }),
    );
    expectFailure(
      await call(sim, 'GET', '/time-entries', {
        token: 'demo-member',
        query: { workspace_id: 1, user_id: 100, date: DAY },
      }),
      403,
    );
    expectFailure(
      await call(sim, 'GET', '/time-entries', { query: { workspace_id: 1, user_id: 99999, date: DAY } }),
      404,
    );
  });
});

describe('POST /time-entries', () => {
  it('adds a manual entry (201, saved_minutes), visible in the list', async () => {
    const { userId, contract, task, user } = worker();
    const res = await call(sim, 'POST', '/time-entries', {
      body: {
        workspace_id: 1,
        user_id: userId,
        contract_id: contract.id,
        task_id: task.id,
        notes: 'Working on feature implementation',
        date: DAY,
        start_time: '09:00',
        end_time: '17:00',
      },
    });
    const body = expectSuccess(res, 201);
    expect(body.message).toBe(`8 hr successfully added for ${user.firstname} ${user.lastname}.`);
    expect(body.saved_minutes).toBe(480);
    expect(body.data).toMatchObject({
      user_id: userId,
      contract_id: contract.id,
      project_id: contract.projectId,
      project_name: sim.state.projects.get(contract.projectId)!.name,
      task_id: task.id,
      task_title: task.title,
      activity_description: 'Working on feature implementation',
      method: 'Manually added time',
      date: DAY,
      start_time: `${DAY}T09:00:00Z`,
      end_time: `${DAY}T17:00:00Z`,
      duration_minutes: 480,
    });
    const listed = expectSuccess(
      await call(sim, 'GET', '/time-entries', { query: { workspace_id: 1, user_id: userId, date: DAY } }),
    );
    expect(listed.data).toEqual([body.data]);
    // project_id / task_id filters
    const other = expectSuccess(
      await call(sim, 'GET', '/time-entries', {
        query: { workspace_id: 1, user_id: userId, date: DAY, project_id: contract.projectId + 1 },
      }),
    );
    expect(other.data).toEqual([]);
  });

  it('saves only the free part of an overlapping interval (partial save)', async () => {
    const { userId } = worker();
    const body = expectSuccess(
      await call(sim, 'POST', '/time-entries', {
        body: { workspace_id: 1, user_id: userId, date: DAY, start_time: '16:00', end_time: '18:30' },
      }),
      201,
    );
    expect(body.saved_minutes).toBe(90);
    expect(body.message).toMatch(/1 hr 30 min successfully added.*1 hr overlapped/);
    expect(body.data).toMatchObject({
      start_time: `${DAY}T17:00:00Z`,
      end_time: `${DAY}T18:30:00Z`,
      contract_id: null,
    });
    expectFailure(
      await call(sim, 'POST', '/time-entries', {
        body: { workspace_id: 1, user_id: userId, date: DAY, start_time: '10:00', end_time: '11:00' },
      }),
      400,
      /overlaps existing time entries/,
    );
  });

  it('validates the body', async () => {
    const { userId, contract } = worker();
    const base = {
      workspace_id: 1,
      user_id: userId,
      date: '2031-03-05',
      start_time: '09:00',
      end_time: '10:00',
    };
    const post = (body: Record<string, unknown>, token?: string) =>
      call(sim, 'POST', '/time-entries', { body: { ...base, ...body }, ...(token ? { token } : {}) });
    expectFailure(await post({ end_time: '08:00' }), 422, /end_time must be after start_time/);
    expectFailure(await post({ end_time: '09:00' }), 422, /end_time must be after start_time/);
    expectFailure(await post({ start_time: '9am' }), 422, /start_time must be a time in HH:mm/);
    expectFailure(await post({ start_time: undefined }), 400, /start_time is required/);
    expectFailure(await post({ date: undefined }), 400, /date is required/);
    expectFailure(await post({ user_id: undefined }), 400, /user_id is required/);
    expectFailure(await post({ user_id: 99999 }), 404, /not a member/);
    expectFailure(await post({ contract_id: 999999 }), 404);
    expectFailure(await post({ task_id: 20000 }), 400, /task_id can only be given together/);
    const foreign = sim.state.contractsOf(1).find((c) => c.userId !== userId)!;
    expectFailure(await post({ contract_id: foreign.id }), 422, /belongs to user/);
    expectFailure(await post({ contract_id: contract.id }, 'demo-member'), 403);
  });
});

describe('PUT /time-entries/{time_entry_id}', () => {
  it('updates times, notes and task; keeps the other time; returns no data', async () => {
    const { userId, contract } = worker();
    const entry = [...sim.state.timeEntries.values()].find(
      (e) => e.userId === userId && e.start.startsWith(DAY),
    )!;
    const task = [...sim.state.tasks.values()].filter((t) => t.projectId === contract.projectId).at(-1)!;
    const body = expectSuccess(
      await call(sim, 'PUT', `/time-entries/${entry.id}`, {
        body: {
          workspace_id: 1,
          start_time: '08:00',
          notes: 'Updated activity description',
          task_id: task.id,
        },
      }),
    );
    expect(body).not.toHaveProperty('data');
    expect(body.message).toBe('Time entry updated successfully');
    const listed = expectSuccess(
      await call(sim, 'GET', '/time-entries', { query: { workspace_id: 1, user_id: userId, date: DAY } }),
    );
    expect(listed.data.find((e: any) => e.id === entry.id)).toMatchObject({
      start_time: `${DAY}T08:00:00Z`,
      end_time: `${DAY}T17:00:00Z`,
      duration_minutes: 540,
      activity_description: 'Updated activity description',
      task_id: task.id,
    });
  });

  it('rejects bad moves', async () => {
    const { userId } = worker();
    const [first, second] = [...sim.state.timeEntries.values()]
      .filter((e) => e.userId === userId && e.start.startsWith(DAY))
      .sort((a, b) => a.start.localeCompare(b.start));
    const put = (id: string, body: Record<string, unknown>, token?: string) =>
      call(sim, 'PUT', `/time-entries/${id}`, {
        body: { workspace_id: 1, ...body },
        ...(token ? { token } : {}),
      });
    expectFailure(await put(first!.id, { end_time: '07:00' }), 422, /end_time must be after start_time/);
    expectFailure(await put(second!.id, { start_time: '16:00' }), 400, /overlaps time entry/);
    expectFailure(await put(first!.id, { project_id: 999999 }), 422, /has no contract on project_id/);
    expectFailure(await put('nope', { notes: 'x' }), 404, /Time entry nope not found/);
    expectFailure(await put(first!.id, { notes: 'x' }, 'demo-member'), 403);
    expectFailure(
      await call(sim, 'PUT', `/time-entries/${first!.id}`, { body: { notes: 'x' } }),
      400,
      /workspace_id/,
    );
  });
});

describe('DELETE /time-entries/{time_entry_id}', () => {
  it('needs workspace_id in the JSON body, then deletes permanently', async () => {
    const { userId } = worker();
    const entry = [...sim.state.timeEntries.values()].find(
      (e) => e.userId === userId && e.start.startsWith(DAY),
    )!;
    const missing = expectFailure(
      await call(sim, 'DELETE', `/time-entries/${entry.id}`, { query: { workspace_id: 1 } }),
      400,
    );
    expect(missing.message).toBe('workspace_id is required in request body');
    expectFailure(
      await call(sim, 'DELETE', `/time-entries/${entry.id}`, {
        token: 'demo-member',
        body: { workspace_id: 1 },
      }),
      403,
    );
    const body = expectSuccess(
      await call(sim, 'DELETE', `/time-entries/${entry.id}`, { body: { workspace_id: 1 } }),
    );
    expect(body).not.toHaveProperty('data');
    expect(body.message).toBe('Time entry deleted successfully');
    const listed = expectSuccess(
      await call(sim, 'GET', '/time-entries', { query: { workspace_id: 1, user_id: userId, date: DAY } }),
    );
    expect(listed.data.map((e: any) => e.id)).not.toContain(entry.id);
    expectFailure(await call(sim, 'DELETE', `/time-entries/${entry.id}`, { body: { workspace_id: 1 } }), 404);
  });
});
