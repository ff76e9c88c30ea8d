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

const ISO_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;

/** An active member of ws 1 with an active contract that has tasks, and no running tracker. */
function idleWorker(skip: number[] = []) {
  const s = sim.state;
  for (const contract of s.contractsOf(1)) {
    const member = s.membership(1, contract.userId)!;
    if (skip.includes(contract.userId) || member.status !== 'active' || contract.status !== 'active')
      continue;
    if (s.trackers.has(`1:${contract.userId}`)) continue;
    const task = [...s.tasks.values()].find((t) => t.projectId === contract.projectId);
    if (task) return { userId: contract.userId, contract, task, user: s.users.get(contract.userId)! };
  }
  throw new Error('no idle worker in the seed');
}

const todayMinutes = (userId: number) => {
  const today = new Date().toISOString().slice(0, 10);
  let seconds = 0;
  for (const e of sim.state.timeEntries.values()) {
    if (e.workspaceId === 1 && e.userId === userId && e.start.startsWith(today)) {
      seconds += (Date.parse(e.end) - Date.parse(e.start)) / 1000;
    }
  }
  return Math.floor(seconds / 60);
};

describe('POST /time-tracking/start, GET current-data, POST /time-tracking/stop', () => {
  it('runs the whole state machine for a member (Owner acting)', async () => {
    const { userId, contract, task, user } = idleWorker();
    const started = expectSuccess(
      await call(sim, 'POST', '/time-tracking/start', {
        body: {
          workspace_id: 1,
          user_id: userId,
          contract_id: contract.id,
          task_id: task.id,
          activity_description: 'Writing tests',
        },
      }),
    );
    expect(started.message).toBe('Time tracking started successfully');
    expect(started.data).toMatchObject({
      message: 'Time tracking started successfully',
      start_time: expect.stringMatching(ISO_OFFSET),
      contract_id: contract.id,
      project_id: contract.projectId,
      task_id: task.id,
      activity_description: 'Writing tests',
      user_id: userId,
      user_name: `${user.firstname} ${user.lastname}`,
      user_email: user.email,
      project_name: sim.state.projects.get(contract.projectId)!.name,
      task_title: task.title,
    });
    expect(sim.state.trackers.get(`1:${userId}`)).toMatchObject({ contractId: contract.id, taskId: task.id });

    const current = expectSuccess(
      await call(sim, 'GET', '/time-tracking/current-data', { query: { workspace_id: 1, user_id: userId } }),
    );
    expect(current.message).toBe('Current tracker data retrieved successfully');
    expect(current.data).toMatchObject({
      contract_id: contract.id,
      user_id: userId,
      activity_description: 'Writing tests',
      task_id: task.id,
      task_title: task.title,
      date: new Date().toISOString().slice(0, 10),
      is_running: true,
      start_time: started.data.start_time,
    });
    expect(current.data.total_minutes).toBeGreaterThanOrEqual(todayMinutes(userId));
    expect(current.data.total_seconds).toBeGreaterThanOrEqual(0);
    expect(current.data.total_seconds).toBeLessThan(60);

    expectFailure(
      await call(sim, 'POST', '/time-tracking/start', { body: { workspace_id: 1, user_id: userId } }),
      400,
      /already has a running tracker/,
    );

    const entriesBefore = sim.state.timeEntries.size;
    const stopped = expectSuccess(
      await call(sim, 'POST', '/time-tracking/stop', { body: { workspace_id: 1, user_id: userId } }),
    );
    expect(stopped.data).toEqual({
      message: 'Time tracking stopped successfully',
      stopped_at: expect.stringMatching(ISO_OFFSET),
    });
    expect(sim.state.trackers.has(`1:${userId}`)).toBe(false);
    expect(sim.state.timeEntries.size).toBe(entriesBefore + 1);
    const entry = [...sim.state.timeEntries.values()].at(-1)!;
    expect(entry).toMatchObject({
      userId,
      contractId: contract.id,
      taskId: task.id,
      method: 'Web tracker',
      activityDescription: 'Writing tests',
    });

    // The new entry is visible through the time entries API.
    const listed = expectSuccess(
      await call(sim, 'GET', '/time-entries', {
        query: { workspace_id: 1, user_id: userId, date: entry.start.slice(0, 10) },
      }),
    );
    expect(listed.data.map((e: any) => e.id)).toContain(entry.id);

    expectFailure(
      await call(sim, 'POST', '/time-tracking/stop', { body: { workspace_id: 1, user_id: userId } }),
      400,
      /no running tracker/,
    );

    const idle = expectSuccess(
      await call(sim, 'GET', '/time-tracking/current-data', { query: { workspace_id: 1, user_id: userId } }),
    );
    expect(idle.data).toEqual({
      contract_id: null,
      user_id: userId,
      activity_description: null,
      task_id: null,
      task_title: null,
      total_seconds: 0,
      total_minutes: todayMinutes(userId),
      date: new Date().toISOString().slice(0, 10),
      is_running: false,
      start_time: null,
    });
  });

  it('starts without a contract (doc set A: no project) when an Executive manager asks', async () => {
    const { userId } = idleWorker();
    const body = expectSuccess(
      await call(sim, 'POST', '/time-tracking/start', {
        token: 'demo-manager',
        body: { workspace_id: 1, user_id: userId },
      }),
    );
    expect(body.data).toMatchObject({
      contract_id: null,
      project_id: null,
      task_id: null,
      project_name: null,
    });
    const current = expectSuccess(
      await call(sim, 'GET', '/time-tracking/current-data', { query: { workspace_id: 1, user_id: userId } }),
    );
    expect(current.data).toMatchObject({ is_running: true, contract_id: null });
    expectSuccess(
      await call(sim, 'POST', '/time-tracking/stop', { body: { workspace_id: 1, user_id: userId } }),
    );
  });

  it('lets a Regular User start, read and stop their own tracker (doc set B), user_id optional', async () => {
    const me = sim.state.tokens.get('demo-member')!;
    sim.state.trackers.delete(`1:${me}`);
    expectSuccess(
      await call(sim, 'POST', '/time-tracking/start', { token: 'demo-member', body: { workspace_id: 1 } }),
    );
    expect(sim.state.trackers.has(`1:${me}`)).toBe(true);
    const current = expectSuccess(
      await call(sim, 'GET', '/time-tracking/current-data', {
        token: 'demo-member',
        query: { workspace_id: 1 },
      }),
    );
    expect(current.data).toMatchObject({ user_id: me, is_running: true });
    expectSuccess(
      await call(sim, 'POST', '/time-tracking/stop', {
        token: 'demo-member',
        body: { workspace_id: 1, user_id: me },
      }),
    );
    expect(sim.state.trackers.has(`1:${me}`)).toBe(false);
  });

  it("forbids a Regular User to act on someone else's tracker (403)", async () => {
    const { userId } = idleWorker([sim.state.tokens.get('demo-member')!]);
    for (const [method, path] of [
      ['POST', '/time-tracking/start'],
      ['POST', '/time-tracking/stop'],
    ] as const) {
      expectFailure(
        await call(sim, method, path, { token: 'demo-member', body: { workspace_id: 1, user_id: userId } }),
        403,
        /Only Owners and Executive Managers/,
      );
    }
    expectFailure(
      await call(sim, 'GET', '/time-tracking/current-data', {
        token: 'demo-member',
        query: { workspace_id: 1, user_id: userId },
      }),
      403,
    );
    expectFailure(
      await call(sim, 'POST', '/time-tracking/start', {
        token: 'demo-owner-2',
        body: { workspace_id: 1, user_id: userId },
      }),
      403,
      /Only members/,
    );
  });

  it('validates the start body', async () => {
    const { userId, contract, task } = idleWorker();
    const start = (body: Record<string, unknown>) =>
      call(sim, 'POST', '/time-tracking/start', { body: { user_id: userId, ...body } });
    expectFailure(await start({}), 400, /workspace_id is required/);
    expectFailure(
      await start({ workspace_id: 1, task_id: task.id }),
      400,
      /task_id can only be given together/,
    );
    expectFailure(await start({ workspace_id: 1, contract_id: 999999 }), 404, /Contract 999999 not found/);
    const other = sim.state.contractsOf(1).find((c) => c.userId !== userId)!;
    expectFailure(await start({ workspace_id: 1, contract_id: other.id }), 422, /belongs to user/);
    const foreignTask = [...sim.state.tasks.values()].find(
      (t) => t.workspaceId === 1 && t.projectId !== contract.projectId,
    )!;
    expectFailure(
      await start({ workspace_id: 1, contract_id: contract.id, task_id: foreignTask.id }),
      422,
      /belongs to project/,
    );
    expectFailure(
      await start({ workspace_id: 1, activity_description: 'x'.repeat(1001) }),
      422,
      /activity_description must be at most 1000/,
    );
    expectFailure(
      await call(sim, 'POST', '/time-tracking/start', { body: { workspace_id: 1, user_id: 99999 } }),
      404,
      /not a member/,
    );
    const paused = sim.state.contractsOf(1).find((c) => c.status === 'paused');
    if (paused) {
      expectFailure(
        await call(sim, 'POST', '/time-tracking/start', {
          body: { workspace_id: 1, user_id: paused.userId, contract_id: paused.id },
        }),
        400,
        /paused/,
      );
    }
    expect(sim.state.trackers.has(`1:${userId}`)).toBe(false);
  });

  it('current-data: unknown user 404, missing workspace 400', async () => {
    expectFailure(
      await call(sim, 'GET', '/time-tracking/current-data', { query: { workspace_id: 1, user_id: 99999 } }),
      404,
    );
    expectFailure(await call(sim, 'GET', '/time-tracking/current-data', { query: { user_id: 100 } }), 400);
  });
});
