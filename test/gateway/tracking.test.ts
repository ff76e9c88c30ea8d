import { configureSimulator, startStack, type Stack } from '../support/gateway-harness.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const TRACKER = `query($ws: Int!, $user: Int!) { workspace(workspaceId: $ws) { member(userId: $user) {
  tracker { id isRunning activityDescription startedAt todaySeconds contract { contractId } task { taskId } } } } }`;
const START = `mutation($input: StartTrackingInput!) { startTracking(input: $input) {
  id isRunning activityDescription startedAt contract { contractId project { projectId } } task { taskId title } } }`;
const STOP = `mutation($input: StopTrackingInput!) { stopTracking(input: $input) { id isRunning contract { contractId } } }`;

/** An active member of workspace 1 with an active contract and no running tracker. */
function idleMemberWithContract() {
  const { state } = stack.sim;
  const contract = [...state.contracts.values()].find(
    (c) =>
      c.workspaceId === 1 &&
      c.status === 'active' &&
      state.membership(1, c.userId)?.status === 'active' &&
      !state.trackers.has(`1:${c.userId}`) &&
      [...state.tasks.values()].some((t) => t.projectId === c.projectId),
  )!;
  const task = [...state.tasks.values()].find((t) => t.projectId === contract.projectId)!;
  return { userId: contract.userId, contractId: contract.id, projectId: contract.projectId, taskId: task.id };
}

describe('start and stop tracking', () => {
  it('read-your-writes: after start and stop, every caller reads the new state, not the cached one', async () => {
    const target = idleMemberWithContract();
    const vars = { ws: 1, user: target.userId };
    // Warm both callers' caches with the idle state.
    expect((await stack.gql(TRACKER, vars, 'demo-owner')).data.workspace.member.tracker.isRunning).toBe(
      false,
    );
    expect((await stack.gql(TRACKER, vars, 'demo-manager')).data.workspace.member.tracker.isRunning).toBe(
      false,
    );

    await stack.resetUpstreamStats();
    const started = await stack.gql(START, {
      input: {
        workspaceId: 1,
        userId: target.userId,
        contractId: target.contractId,
        taskId: target.taskId,
        activityDescription: 'Writing tests',
      },
    });
    expect(started.errors).toBeUndefined();
    expect(started.data.startTracking).toMatchObject({
      isRunning: true,
      activityDescription: 'Writing tests',
      contract: { contractId: target.contractId, project: { projectId: target.projectId } },
      task: { taskId: target.taskId },
    });
    expect(Date.parse(started.data.startTracking.startedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await stack.upstreamStats()).byRoute['POST /time-tracking/start']).toBe(1);

    for (const token of ['demo-owner', 'demo-manager']) {
      const tracker = (await stack.gql(TRACKER, vars, token)).data.workspace.member.tracker;
      expect(tracker).toMatchObject({ isRunning: true, contract: { contractId: target.contractId } });
      expect(tracker.id).toBe(started.data.startTracking.id);
    }

    const stopped = await stack.gql(STOP, { input: { workspaceId: 1, userId: target.userId } });
    expect(stopped.errors).toBeUndefined();
    expect(stopped.data.stopTracking).toEqual({
      id: started.data.startTracking.id,
      isRunning: false,
      contract: null,
    });
    for (const token of ['demo-owner', 'demo-manager']) {
      const tracker = (await stack.gql(TRACKER, vars, token)).data.workspace.member.tracker;
      expect(tracker.isRunning).toBe(false);
      expect(tracker.todaySeconds).toBeGreaterThanOrEqual(0);
    }
    expect(stack.sim.state.trackers.has(`1:${target.userId}`)).toBe(false);
  });

  it('an invalid move (stop while stopped) is BAD_USER_INPUT with the upstream reason', async () => {
    const target = idleMemberWithContract();
    const result = await stack.gql(STOP, { input: { workspaceId: 1, userId: target.userId } });
    expect(result.data).toBeNull();
    expect(result.errors![0]).toMatchObject({
      path: ['stopTracking'],
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(result.errors![0]!.message).toMatch(/no (active|running) tracker|not running/i);
    expect(result.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'input.userId' });
  });

  it('an upstream 422 names the input field WebWork rejected; an unnamed rejection names input', async () => {
    const target = idleMemberWithContract();
    const { state } = stack.sim;
    const othersContract = [...state.contracts.values()].find(
      (c) => c.workspaceId === 1 && c.userId !== target.userId,
    )!;
    const notMine = await stack.gql(START, {
      input: { workspaceId: 1, userId: target.userId, contractId: othersContract.id },
    });
    expect(notMine.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'input.contractId' });
    expect(notMine.errors![0]!.message).toMatch(/belongs to user/);
    const paused = [...state.contracts.values()].find(
      (c) =>
        c.workspaceId === 1 &&
        c.status === 'paused' &&
        state.membership(1, c.userId)?.status === 'active' &&
        !state.trackers.has(`1:${c.userId}`),
    )!;
    const notActive = await stack.gql(START, {
      input: { workspaceId: 1, userId: paused.userId, contractId: paused.id },
    });
    expect(notActive.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'input' });
    expect(notActive.errors![0]!.message).toMatch(/active contracts/);
  });

  it('rejects bad input before calling WebWork, naming the argument', async () => {
    await stack.resetUpstreamStats();
    const tooLong = await stack.gql(START, {
      input: { workspaceId: 1, userId: 101, activityDescription: 'x'.repeat(1001) },
    });
    expect(tooLong.errors![0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'input.activityDescription',
    });
    expect(tooLong.errors![0]!.message).toMatch(/at most 1000 characters, got 1001/);
    const taskAlone = await stack.gql(START, { input: { workspaceId: 1, userId: 101, taskId: 20000 } });
    expect(taskAlone.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'input.taskId' });
    const badWorkspace = await stack.gql(START, { input: { workspaceId: 0, userId: 101 } });
    expect(badWorkspace.errors![0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'input.workspaceId',
    });
    const wrongType = await stack.gql(START, { input: { workspaceId: 'one', userId: 101 } });
    expect(wrongType.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(wrongType.errors![0]!.message).toMatch(/workspaceId/);
    expect((await stack.upstreamStats()).total).toBe(0);
  });

  it('never repeats a start: an upstream 500 on start is sent once and reported, not retried', async () => {
    const target = idleMemberWithContract();
    await stack.resetUpstreamStats();
    await configureSimulator(stack.sim, { failRate: 1 });
    try {
      const result = await stack.gql(START, {
        input: { workspaceId: 1, userId: target.userId, contractId: target.contractId },
      });
      expect(result.errors![0]!.extensions!.code).toBe('UPSTREAM_UNAVAILABLE');
    } finally {
      await configureSimulator(stack.sim, { failRate: 0 });
    }
    expect((await stack.upstreamStats()).byRoute['POST /time-tracking/start']).toBe(1);
  });

  it('a regular user may not start a tracker for someone else: FORBIDDEN', async () => {
    const target = idleMemberWithContract();
    const result = await stack.gql(
      START,
      { input: { workspaceId: 1, userId: target.userId } },
      'demo-member',
    );
    expect(result.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
