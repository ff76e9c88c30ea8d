import { readFileSync } from 'node:fs';
import { configureSimulator, startStack, type Stack } from '../support/gateway-harness.js';
import { call, type SimulatorHandle, userIdOf } from '../support/sim-client.js';

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
function idleMemberWithContract(sim: SimulatorHandle = stack.sim) {
  const { state } = sim;
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
      // Today's total as WebWork reports it after the stop (no tracker runs, so it stays put).
      const upstream = (
        await call(stack.sim, 'GET', '/time-tracking/current-data', {
          query: { workspace_id: 1, user_id: target.userId },
        })
      ).body.data;
      expect(tracker.todaySeconds).toBe(upstream.total_minutes * 60 + upstream.total_seconds);
    }
    expect(stack.sim.state.trackers.has(`1:${target.userId}`)).toBe(false);
  });

  it('an invalid move (stop while stopped) is UPSTREAM_REJECTED naming the mutation, with the upstream reason', async () => {
    const target = idleMemberWithContract();
    const result = await stack.gql(STOP, { input: { workspaceId: 1, userId: target.userId } });
    expect(result.data).toEqual({ stopTracking: null });
    expect(result.errors![0]).toMatchObject({
      path: ['stopTracking'],
      extensions: { code: 'UPSTREAM_REJECTED' },
    });
    expect(result.errors![0]!.message).toMatch(
      /^WebWork refused stopTracking: .*(no (active|running) tracker|not running)/i,
    );
    expect(result.errors![0]!.extensions).toEqual({
      code: 'UPSTREAM_REJECTED',
      operation: 'stopTracking',
      argument: 'input.userId',
    });
  });

  it('an upstream 422 is BAD_USER_INPUT naming the input field; a business rule (paused contract) is UPSTREAM_REJECTED', async () => {
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
    expect(notActive.errors![0]!.extensions).toEqual({
      code: 'UPSTREAM_REJECTED',
      operation: 'startTracking',
      argument: 'input',
    });
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

  it('never repeats a start: an upstream 500 on start is sent once and reported, nothing claimed', async () => {
    const target = idleMemberWithContract();
    await stack.resetUpstreamStats();
    const result = await withFaults(stack, { failRate: 1, faultMethods: ['POST'] }, () =>
      stack.gql(START, { input: { workspaceId: 1, userId: target.userId, contractId: target.contractId } }),
    );
    expect(result.data).toEqual({ startTracking: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({
      path: ['startTracking'],
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
    expect(stack.sim.state.trackers.has(`1:${target.userId}`)).toBe(false);
    expect((await stack.upstreamStats()).byRoute).toEqual({ 'POST /time-tracking/start': 1 });
  });

  it('a failed stop is reported and claims nothing: the tracker still runs', async () => {
    const target = idleMemberWithContract();
    const input = { workspaceId: 1, userId: target.userId };
    const start = { ...input, contractId: target.contractId };
    expect((await stack.gql(START, { input: start })).data.startTracking.isRunning).toBe(true);
    await stack.resetUpstreamStats();
    const result = await withFaults(stack, { failRate: 1, faultMethods: ['POST'] }, () =>
      stack.gql(STOP, { input }),
    );
    expect(result.data).toEqual({ stopTracking: null });
    expect(result.errors![0]).toMatchObject({
      path: ['stopTracking'],
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
    expect((await stack.upstreamStats()).byRoute).toEqual({ 'POST /time-tracking/stop': 1 });
    const tracker = (await stack.gql(TRACKER, { ws: 1, user: target.userId })).data.workspace.member.tracker;
    expect(tracker.isRunning).toBe(true);
  });

  it('a regular user may not start a tracker for someone else: FORBIDDEN naming what was refused', async () => {
    const target = idleMemberWithContract();
    await stack.resetUpstreamStats();
    const result = await stack.gql(
      START,
      { input: { workspaceId: 1, userId: target.userId } },
      'demo-member',
    );
    expect(result.data).toEqual({ startTracking: null });
    expect(result.errors![0]!.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(result.errors![0]!.message).toMatch(
      /^startTracking refused: WebWork lets only Owners and Executive Managers start or stop trackers/,
    );
    expect((await stack.upstreamStats()).byRoute).toEqual({ 'POST /time-tracking/start': 1 });
    expect(stack.sim.state.trackers.has(`1:${target.userId}`)).toBe(false);
  });

  it('start, stop and current-data are for Owners and Executive Managers, even for oneself (docs-exact)', async () => {
    // The seed (REFERENCE §0, §10.11): lenient lets members act for themselves (doc set B), so
    // this holds only where the simulator follows the seed.
    if (stack.sim.profile.trackingForSelf) return;
    const self = userIdOf(stack.sim, 'demo-member');
    const input = { workspaceId: 1, userId: self };
    for (const [mutation, name] of [
      [START, 'startTracking'],
      [STOP, 'stopTracking'],
    ] as const) {
      const result = await stack.gql(mutation, { input }, 'demo-member');
      expect(result.data).toEqual({ [name]: null });
      expect(result.errors![0]!.extensions).toEqual({ code: 'FORBIDDEN' });
      expect(result.errors![0]!.message).toMatch(new RegExp(`^${name} refused: WebWork lets only Owners`));
    }
    const read = await stack.gql(TRACKER, { ws: 1, user: self }, 'demo-member');
    expect(read.data.workspace.member.tracker).toBeNull();
    expect(read.errors![0]).toMatchObject({
      path: ['workspace', 'member', 'tracker'],
      extensions: { code: 'FORBIDDEN' },
    });
    expect(stack.sim.state.trackers.has(`1:${self}`)).toBe(false);
  });
});

const CURRENT_DATA = '^/api/v2/time-tracking/current-data$';
const START_OUTCOME = `mutation($input: StartTrackingInput!) { startTracking(input: $input) {
  complete isRunning startedAt activityDescription todaySeconds todayMinutes date contract { contractId } task { taskId } } }`;
const STOP_OUTCOME = `mutation($input: StopTrackingInput!) { stopTracking(input: $input) {
  complete isRunning startedAt activityDescription todaySeconds contract { contractId } } }`;

/** Runs `run` with the simulator's faults set to `faults`, then turns every fault off again. */
async function withFaults<T>(
  on: Stack,
  faults: {
    failRate?: number;
    hangRate?: number;
    answerDelayMs?: number;
    faultMethods?: string[];
    faultPathPattern?: string;
  },
  run: () => Promise<T>,
): Promise<T> {
  await configureSimulator(on.sim, faults);
  try {
    return await run();
  } finally {
    await configureSimulator(on.sim, {
      failRate: 0,
      hangRate: 0,
      answerDelayMs: 0,
      faultMethods: [],
      faultPathPattern: '',
    });
  }
}

describe('a write WebWork applied is reported as done, even when reading the state back fails', () => {
  it('start and stop with the read-back failing (500): data with complete false, no error, one write each', async () => {
    const target = idleMemberWithContract();
    const vars = { ws: 1, user: target.userId };
    // Cache the idle state, so the read after the fault shows whether the write invalidated it.
    expect((await stack.gql(TRACKER, vars)).data.workspace.member.tracker.isRunning).toBe(false);

    await stack.resetUpstreamStats();
    const input = {
      workspaceId: 1,
      userId: target.userId,
      contractId: target.contractId,
      taskId: target.taskId,
      activityDescription: 'Read-back fails',
    };
    const started = await withFaults(
      stack,
      { failRate: 1, faultMethods: ['GET'], faultPathPattern: CURRENT_DATA },
      () => stack.gql(START_OUTCOME, { input }),
    );
    expect(started.errors).toBeUndefined();
    expect(started.data.startTracking).toEqual({
      complete: false,
      isRunning: true,
      startedAt: expect.any(String),
      activityDescription: 'Read-back fails',
      todaySeconds: null,
      todayMinutes: null,
      date: null,
      contract: { contractId: target.contractId },
      task: { taskId: target.taskId },
    });
    expect(Date.parse(started.data.startTracking.startedAt)).toBeGreaterThan(Date.now() - 60_000);
    const afterStart = (await stack.upstreamStats()).byRoute;
    expect(afterStart['POST /time-tracking/start']).toBe(1);
    expect(afterStart['GET /time-tracking/current-data']).toBeGreaterThan(0);

    const running = (await stack.gql(TRACKER, vars)).data.workspace.member.tracker;
    expect(running).toMatchObject({ isRunning: true, contract: { contractId: target.contractId } });

    await stack.resetUpstreamStats();
    const stopped = await withFaults(
      stack,
      { failRate: 1, faultMethods: ['GET'], faultPathPattern: CURRENT_DATA },
      () => stack.gql(STOP_OUTCOME, { input: { workspaceId: 1, userId: target.userId } }),
    );
    expect(stopped.errors).toBeUndefined();
    expect(stopped.data.stopTracking).toEqual({
      complete: false,
      isRunning: false,
      startedAt: null,
      activityDescription: null,
      todaySeconds: null,
      contract: null,
    });
    expect((await stack.upstreamStats()).byRoute['POST /time-tracking/stop']).toBe(1);
    expect((await stack.gql(TRACKER, vars)).data.workspace.member.tracker.isRunning).toBe(false);
  });

  it('a read-back that times out: the start is reported done (complete false), once', async () => {
    const own = await startStack({ env: { UPSTREAM_TIMEOUT_MS: '300', UPSTREAM_RETRIES: '1' } });
    try {
      const target = idleMemberWithContract(own.sim);
      const started = await withFaults(
        own,
        { hangRate: 1, faultMethods: ['GET'], faultPathPattern: CURRENT_DATA },
        () => own.gql(START_OUTCOME, { input: { workspaceId: 1, userId: target.userId } }),
      );
      expect(started.errors).toBeUndefined();
      expect(started.data.startTracking).toMatchObject({ complete: false, isRunning: true, contract: null });
      expect((await own.upstreamStats()).byRoute['POST /time-tracking/start']).toBe(1);
      expect(own.sim.state.trackers.has(`1:${target.userId}`)).toBe(true);
    } finally {
      await own.close();
    }
  });

  it('a read-back the rate budget refuses: the start is reported done (complete false), once', async () => {
    // A budget of one call per minute: the start spends it, the read-back is refused (RATE_LIMITED).
    const own = await startStack({ env: { UPSTREAM_RATE_LIMIT: '1' } });
    try {
      const target = idleMemberWithContract(own.sim);
      const started = await own.gql(START_OUTCOME, {
        input: { workspaceId: 1, userId: target.userId, activityDescription: 'On budget' },
      });
      expect(started.errors).toBeUndefined();
      expect(started.data.startTracking).toMatchObject({
        complete: false,
        isRunning: true,
        activityDescription: 'On budget',
      });
      expect((await own.upstreamStats()).byRoute).toEqual({ 'POST /time-tracking/start': 1 });
    } finally {
      await own.close();
    }
  });

  it('a read-back that works says complete: true', async () => {
    const target = idleMemberWithContract();
    const input = { workspaceId: 1, userId: target.userId };
    const started = await stack.gql(START_OUTCOME, { input });
    expect(started.data.startTracking).toMatchObject({ complete: true, isRunning: true });
    expect(started.data.startTracking.todaySeconds).toEqual(expect.any(Number));
    const stopped = await stack.gql(STOP_OUTCOME, { input });
    expect(stopped.data.stopTracking).toMatchObject({ complete: true, isRunning: false });
  });
});

describe('a write that times out: the state decides, the write is never re-sent', () => {
  let own: Stack;
  beforeAll(async () => {
    own = await startStack({ env: { UPSTREAM_TIMEOUT_MS: '300' } });
  });
  afterAll(() => own.close());

  it('applied but answered too late: start and stop are reported done from the state read', async () => {
    const target = idleMemberWithContract(own.sim);
    const input = { workspaceId: 1, userId: target.userId, contractId: target.contractId };
    await own.resetUpstreamStats();
    const started = await withFaults(
      own,
      { answerDelayMs: 800, faultMethods: ['POST'], faultPathPattern: '^/api/v2/time-tracking/' },
      () => own.gql(START_OUTCOME, { input }),
    );
    expect(started.errors).toBeUndefined();
    expect(started.data.startTracking).toMatchObject({
      complete: true,
      isRunning: true,
      contract: { contractId: target.contractId },
    });
    expect((await own.upstreamStats()).byRoute['POST /time-tracking/start']).toBe(1);

    const stopped = await withFaults(
      own,
      { answerDelayMs: 800, faultMethods: ['POST'], faultPathPattern: '^/api/v2/time-tracking/' },
      () => own.gql(STOP_OUTCOME, { input: { workspaceId: 1, userId: target.userId } }),
    );
    expect(stopped.errors).toBeUndefined();
    expect(stopped.data.stopTracking).toMatchObject({ complete: true, isRunning: false });
    expect((await own.upstreamStats()).byRoute['POST /time-tracking/stop']).toBe(1);
  });

  it('not applied (WebWork never answered): UPSTREAM_TIMEOUT saying the outcome is unknown, sent once', async () => {
    const target = idleMemberWithContract(own.sim);
    await own.resetUpstreamStats();
    const started = await withFaults(
      own,
      { hangRate: 1, faultMethods: ['POST'], faultPathPattern: '^/api/v2/time-tracking/start$' },
      () => own.gql(START_OUTCOME, { input: { workspaceId: 1, userId: target.userId } }),
    );
    expect(started.data.startTracking).toBeNull();
    expect(started.errors![0]!.extensions!.code).toBe('UPSTREAM_TIMEOUT');
    expect(started.errors![0]!.message).toMatch(/whether it was applied is not known yet.*Read the tracker/);
    expect((await own.upstreamStats()).byRoute['POST /time-tracking/start']).toBe(1);
    expect(own.sim.state.trackers.has(`1:${target.userId}`)).toBe(false);
  });
});

describe("the README's example mutation", () => {
  it('answers what the README shows (startedAt aside)', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const mutation = /```graphql\n(mutation \{\n {2}startTracking[\s\S]*?)```/.exec(readme)![1]!;
    const shown = JSON.parse(/```graphql\nmutation[\s\S]*?```\s*```json\n([\s\S]*?)```/.exec(readme)![1]!);
    const own = await startStack();
    try {
      const answer = await own.gql(mutation);
      expect(answer).toMatchObject({
        ...shown,
        data: { startTracking: { ...shown.data.startTracking, startedAt: expect.any(String) } },
      });
      expect(answer.errors).toBeUndefined();
    } finally {
      await own.close();
    }
  });
});
