import { readFileSync } from 'node:fs';
import type { ProfileName } from '../../src/simulator/profile.js';
import { configureSimulator, startStack, type Stack } from '../support/gateway-harness.js';

/**
 * Time requests and leaves end to end, over HTTP against the simulator, under both profiles:
 * `lenient` (approve/reject answer the object, leaves name their policy) and `docs-exact`
 * (approve/reject answer `data: null`, leaves carry no `policy_id`, a created time request is
 * only `{id, status}`). Nothing of the graph may depend on what only `lenient` tells.
 */
const TIME_REQUEST_FIELDS = `id timeRequestId status userId notes comment start end complete
  member { userId fullName } contract { contractId } project { projectId }`;
const CREATE_TR = `mutation($input: CreateTimeRequestInput!) { createTimeRequest(input: $input) { ${TIME_REQUEST_FIELDS} } }`;
const APPROVE_TR = `mutation($input: ApproveTimeRequestInput!) { approveTimeRequest(input: $input) { ${TIME_REQUEST_FIELDS} } }`;
const REJECT_TR = `mutation($input: RejectTimeRequestInput!) { rejectTimeRequest(input: $input) { ${TIME_REQUEST_FIELDS} } }`;
const MEMBER_TRS = `query($ws: Int!, $user: Int!, $status: ApprovalStatus) { workspace(workspaceId: $ws) {
  member(userId: $user) { timeRequests(first: 100, status: $status) { totalCount nodes { timeRequestId status comment } } } } }`;
const MEMBER_ENTRIES = `query($ws: Int!, $user: Int!, $date: Date!) { workspace(workspaceId: $ws) {
  member(userId: $user) { timeEntries(date: $date) { method startedAt durationMinutes } } } }`;
const BATCH_TR = `mutation($input: ApproveTimeRequestsInput!) { approveTimeRequests(input: $input) {
  approvedCount failedCount results { timeRequestId ok error { code message } timeRequest { id status } } } }`;

const LEAVE_FIELDS = `id leaveId status userId startDate endDate note rejectReason complete
  member { userId } policy { policyId name }`;
const REQUEST_LEAVE = `mutation($input: RequestLeaveInput!) { requestLeave(input: $input) { ${LEAVE_FIELDS} } }`;
const APPROVE_LEAVE = `mutation($input: ApproveLeaveInput!) { approveLeave(input: $input) { ${LEAVE_FIELDS} } }`;
const REJECT_LEAVE = `mutation($input: RejectLeaveInput!) { rejectLeave(input: $input) { ${LEAVE_FIELDS} } }`;
const BATCH_LEAVES = `mutation($input: ApproveLeavesInput!) { approveLeaves(input: $input) {
  approvedCount failedCount results { leaveId ok error { code message } leave { id status } } } }`;
const BALANCE = `query($ws: Int!, $user: Int!, $from: Date!, $to: Date!) { workspace(workspaceId: $ws) {
  member(userId: $user) { leaveBalances(from: $from, to: $to) { totalBalance items { leaveType balance days } }
  leaves(first: 100) { nodes { leaveId status } } } } }`;
const POLICIES = `query { workspace(workspaceId: 1) { leavePolicies { policyId name isPaid } } }`;

/** The leave review query exactly as the README shows it (so its call count claim is what is tested). */
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const LEAVE_REVIEW = /```graphql\n(query LeaveReview[\s\S]*?)```/.exec(README)![1]!;

const approveRoutes = (byRoute: Record<string, number>, pattern: RegExp) =>
  Object.entries(byRoute)
    .filter(([route]) => pattern.test(route))
    .reduce((sum, [, n]) => sum + n, 0);

describe.each<ProfileName>(['lenient', 'docs-exact'])('approvals under the %s profile', (profile) => {
  let stack: Stack;
  let memberToken: string;
  let memberUserId: number;
  beforeAll(async () => {
    stack = await startStack({ sim: { profile } });
    const viewer = await stack.gql('{ workspace(workspaceId: 1) { viewerUserId } }', {}, 'demo-member');
    memberUserId = viewer.data.workspace.viewerUserId;
    memberToken = 'demo-member';
  });
  afterAll(() => stack.close());

  /** An active regular member of workspace 1 (not demo-member) with an active contract, one per call. */
  const used = new Set<number>();
  function workerWithContract() {
    const { state } = stack.sim;
    const contract = [...state.contracts.values()].find(
      (c) =>
        c.workspaceId === 1 &&
        c.status === 'active' &&
        c.userId !== memberUserId &&
        !used.has(c.userId) &&
        state.membership(1, c.userId)?.status === 'active' &&
        state.membership(1, c.userId)?.role !== 'Project viewer',
    )!;
    used.add(contract.userId);
    return { userId: contract.userId, contractId: contract.id, projectId: contract.projectId };
  }

  const pendingTimeRequestIds = (n: number) =>
    [...stack.sim.state.timeRequests.values()]
      .filter((r) => r.workspaceId === 1 && r.status === 'pending')
      .slice(0, n)
      .map((r) => r.id);

  async function vacationPolicyId(): Promise<string> {
    const { data } = await stack.gql(POLICIES);
    return data.workspace.leavePolicies.find((p: { name: string }) => p.name === 'Vacation').policyId;
  }

  describe('time requests', () => {
    it('create → approve: the answer is the approved request with its id; later reads by the same caller and by another see it', async () => {
      const w = workerWithContract();
      // Warm another caller's cache with the member's requests before the writes.
      const before = await stack.gql(MEMBER_TRS, { ws: 1, user: w.userId }, 'demo-manager');
      expect(before.errors).toBeUndefined();
      // The member's entries of the request's day, as a caller reads them.
      const manualEntries = async (token: string) => {
        const day = await stack.gql(MEMBER_ENTRIES, { ws: 1, user: w.userId, date: '2026-11-20' }, token);
        expect(day.errors).toBeUndefined();
        return day.data.workspace.member.timeEntries.filter(
          (e: { method: string }) => e.method === 'Manually added time',
        );
      };

      const created = await stack.gql(CREATE_TR, {
        input: {
          workspaceId: 1,
          userId: w.userId,
          contractId: w.contractId,
          start: '2026-11-20T09:00:00Z',
          end: '2026-11-20T11:30:00Z',
          notes: 'Forgot the tracker',
        },
      });
      expect(created.errors).toBeUndefined();
      const request = created.data.createTimeRequest;
      expect(request).toMatchObject({
        status: 'PENDING',
        userId: w.userId,
        notes: 'Forgot the tracker',
        start: '2026-11-20T09:00:00.000Z',
        end: '2026-11-20T11:30:00.000Z',
        complete: true,
        member: { userId: w.userId },
        contract: { contractId: w.contractId },
        project: { projectId: w.projectId },
      });
      expect(request.id).toEqual(expect.any(String));
      // Pending: no manual time yet, and both callers now hold that day in their caches.
      for (const token of ['demo-owner', 'demo-manager']) expect(await manualEntries(token)).toEqual([]);

      await stack.resetUpstreamStats();
      const approved = await stack.gql(APPROVE_TR, {
        input: { workspaceId: 1, timeRequestId: request.timeRequestId },
      });
      expect(approved.errors).toBeUndefined();
      expect(approved.data.approveTimeRequest).toMatchObject({
        id: request.id,
        timeRequestId: request.timeRequestId,
        status: 'APPROVED',
        complete: true,
        member: { userId: w.userId },
      });
      const stats = await stack.upstreamStats();
      expect(approveRoutes(stats.byRoute, /^(POST|PUT) \/time-requests\/.*\/approve$/)).toBe(1);

      for (const token of ['demo-owner', 'demo-manager']) {
        const after = await stack.gql(MEMBER_TRS, { ws: 1, user: w.userId }, token);
        const found = after.data.workspace.member.timeRequests.nodes.find(
          (n: { timeRequestId: string }) => n.timeRequestId === request.timeRequestId,
        );
        expect([token, found?.status]).toEqual([token, 'APPROVED']);
        // The approval became a time entry: cached entries of that day were made stale by it.
        expect(await manualEntries(token)).toEqual([
          { method: 'Manually added time', startedAt: '2026-11-20T09:00:00.000Z', durationMinutes: 150 },
        ]);
      }
    });

    it('create → reject with a comment; a second decision is a business-rule BAD_USER_INPUT naming the id', async () => {
      const w = workerWithContract();
      const created = await stack.gql(CREATE_TR, {
        input: {
          workspaceId: 1,
          userId: w.userId,
          contractId: w.contractId,
          start: '2026-11-21T09:00:00Z',
          end: '2026-11-21T10:00:00Z',
        },
      });
      const id = created.data.createTimeRequest.timeRequestId;
      const rejected = await stack.gql(REJECT_TR, {
        input: { workspaceId: 1, timeRequestId: id, comment: 'Conflicts with the schedule' },
      });
      expect(rejected.errors).toBeUndefined();
      expect(rejected.data.rejectTimeRequest).toMatchObject({
        timeRequestId: id,
        status: 'REJECTED',
        comment: 'Conflicts with the schedule',
        complete: true,
      });
      const other = await stack.gql(
        MEMBER_TRS,
        { ws: 1, user: w.userId, status: 'REJECTED' },
        'demo-manager',
      );
      expect(
        other.data.workspace.member.timeRequests.nodes.find(
          (n: { timeRequestId: string }) => n.timeRequestId === id,
        ),
      ).toMatchObject({ status: 'REJECTED', comment: 'Conflicts with the schedule' });

      const again = await stack.gql(APPROVE_TR, { input: { workspaceId: 1, timeRequestId: id } });
      expect(again.data.approveTimeRequest).toBeNull();
      expect(again.errors![0]!.extensions).toEqual({
        code: 'UPSTREAM_REJECTED',
        operation: 'approveTimeRequest',
        argument: 'input.timeRequestId',
      });
      expect(again.errors![0]!.message).toMatch(/^WebWork refused approveTimeRequest: .*already rejected/);
    });

    it("create's main failure: someone else's contract is BAD_USER_INPUT naming input.contractId", async () => {
      const w = workerWithContract();
      const other = workerWithContract();
      const foreign = await stack.gql(CREATE_TR, {
        input: {
          workspaceId: 1,
          userId: other.userId,
          contractId: w.contractId,
          start: '2026-11-22T09:00:00Z',
          end: '2026-11-22T10:00:00Z',
        },
      });
      expect(foreign.data.createTimeRequest).toBeNull();
      expect(foreign.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'input.contractId',
      });
    });

    it('refuses bad input before any upstream call, naming the argument', async () => {
      await stack.resetUpstreamStats();
      const cases: [string, Record<string, unknown>, string][] = [
        [REJECT_TR, { input: { workspaceId: 1, timeRequestId: 'abc', comment: '  ' } }, 'input.comment'],
        [APPROVE_TR, { input: { workspaceId: 1, timeRequestId: 'not an id!' } }, 'input.timeRequestId'],
        [APPROVE_TR, { input: { workspaceId: 0, timeRequestId: 'abc' } }, 'input.workspaceId'],
        [
          CREATE_TR,
          {
            input: { workspaceId: 1, userId: 5, start: '2026-11-21T10:00:00Z', end: '2026-11-21T09:00:00Z' },
          },
          'input.end',
        ],
        [
          CREATE_TR,
          {
            input: {
              workspaceId: 1,
              userId: 5,
              start: '2026-11-21T09:00:00Z',
              end: '2026-11-21T10:00:00Z',
              notes: 'x'.repeat(1001),
            },
          },
          'input.notes',
        ],
        [
          `query { workspace(workspaceId: 1) { timeRequests(from: "2026-02-01", to: "2026-01-01") { totalCount } } }`,
          {},
          'to',
        ],
        [BATCH_TR, { input: { workspaceId: 1, timeRequestIds: ['a', 'b', 'a'] } }, 'input.timeRequestIds[2]'],
        [BATCH_TR, { input: { workspaceId: 1, timeRequestIds: [] } }, 'input.timeRequestIds'],
      ];
      for (const [query, variables, argument] of cases) {
        const result = await stack.gql(query, variables);
        expect([argument, result.errors?.[0]?.extensions]).toEqual([
          argument,
          expect.objectContaining({ code: 'BAD_USER_INPUT', argument }),
        ]);
      }
      // Nothing but the workspace list (for the read case, when not cached already) went upstream.
      const { byRoute } = await stack.upstreamStats();
      expect(Object.keys(byRoute).filter((route) => route !== 'GET /workspaces')).toEqual([]);
    });

    it('a batch with one bad id among good ones: each outcome on its own, each id sent upstream once', async () => {
      const good = pendingTimeRequestIds(2);
      expect(good).toHaveLength(2);
      await stack.resetUpstreamStats();
      const result = await stack.gql(BATCH_TR, {
        input: { workspaceId: 1, timeRequestIds: [good[0], 'no-such-request', good[1]] },
      });
      expect(result.errors).toBeUndefined();
      const payload = result.data.approveTimeRequests;
      expect(payload).toMatchObject({ approvedCount: 2, failedCount: 1 });
      expect(payload.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, true]);
      expect(payload.results[0].timeRequest.status).toBe('APPROVED');
      expect(payload.results[1]).toMatchObject({
        timeRequestId: 'no-such-request',
        timeRequest: null,
        error: { code: 'NOT_FOUND' },
      });
      const stats = await stack.upstreamStats();
      expect(approveRoutes(stats.byRoute, /^(POST|PUT) \/time-requests\/.*\/approve$/)).toBe(3);
    });

    it('an approval applied but not readable afterwards is data: APPROVED, complete false, sent once', async () => {
      const w = workerWithContract();
      const created = await stack.gql(CREATE_TR, {
        input: {
          workspaceId: 1,
          userId: w.userId,
          contractId: w.contractId,
          start: '2026-11-23T09:00:00Z',
          end: '2026-11-23T10:00:00Z',
        },
      });
      const id = created.data.createTimeRequest.timeRequestId;
      await stack.resetUpstreamStats();
      await configureSimulator(stack.sim, {
        failRate: 1,
        faultMethods: ['GET'],
        faultPathPattern: '^/api/v2/time-requests',
      });
      try {
        const approved = await stack.gql(APPROVE_TR, { input: { workspaceId: 1, timeRequestId: id } });
        expect(approved.data.approveTimeRequest).toMatchObject({
          timeRequestId: id,
          status: 'APPROVED',
          complete: false,
        });
      } finally {
        await configureSimulator(stack.sim, { failRate: 0, faultMethods: [], faultPathPattern: '' });
      }
      expect(approveRoutes((await stack.upstreamStats()).byRoute, /\/approve$/)).toBe(1);
      expect(stack.sim.state.timeRequests.get(id)!.status).toBe('approved');
    });

    it('FORBIDDEN for demo-member, naming what was refused', async () => {
      const [id] = pendingTimeRequestIds(1);
      const result = await stack.gql(
        APPROVE_TR,
        { input: { workspaceId: 1, timeRequestId: id } },
        memberToken,
      );
      expect(result.data.approveTimeRequest).toBeNull();
      expect(result.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(result.errors![0]!.message).toMatch(/approveTimeRequest/);
      expect(result.errors![0]!.message).toMatch(/approve time requests/);
      expect(stack.sim.state.timeRequests.get(id!)!.status).toBe('pending');
    });
  });

  describe('leaves', () => {
    const RANGE = { from: '2027-01-01', to: '2027-12-31' };
    const vacationDays = (data: any) =>
      data.workspace.member.leaveBalances.items.find((i: { leaveType: string }) => i.leaveType === 'Vacation')
        .days;

    it('request → approve, with the balance read before and after, by the same caller and another', async () => {
      const w = workerWithContract();
      const policyId = await vacationPolicyId();
      const vars = { ws: 1, user: w.userId, ...RANGE };
      const before = await stack.gql(BALANCE, vars);
      expect(before.errors).toBeUndefined();
      expect(vacationDays(before.data)).toBe(20);
      await stack.gql(BALANCE, vars, 'demo-manager'); // warm another caller's cache

      const requested = await stack.gql(REQUEST_LEAVE, {
        input: {
          workspaceId: 1,
          userId: w.userId,
          policyId,
          start: '2027-06-07',
          end: '2027-06-09',
          reason: 'Trip',
        },
      });
      expect(requested.errors).toBeUndefined();
      const leave = requested.data.requestLeave;
      expect(leave).toMatchObject({
        status: 'PENDING',
        userId: w.userId,
        startDate: '2027-06-07',
        endDate: '2027-06-09',
        note: 'Trip',
        complete: true,
        member: { userId: w.userId },
        policy: { policyId, name: 'Vacation' },
      });
      expect(leave.leaveId).toMatch(/^[0-9a-f-]{36}$/);

      await stack.resetUpstreamStats();
      const approved = await stack.gql(APPROVE_LEAVE, { input: { workspaceId: 1, leaveId: leave.leaveId } });
      expect(approved.errors).toBeUndefined();
      expect(approved.data.approveLeave).toMatchObject({
        id: leave.id,
        status: 'APPROVED',
        complete: true,
        policy: { name: 'Vacation' },
      });
      expect(approveRoutes((await stack.upstreamStats()).byRoute, /^(PUT|POST) \/leaves\/.*\/approve$/)).toBe(
        1,
      );

      for (const token of ['demo-owner', 'demo-manager']) {
        const after = await stack.gql(BALANCE, vars, token);
        expect([token, vacationDays(after.data)]).toEqual([token, 17]);
        expect(
          after.data.workspace.member.leaves.nodes.find(
            (n: { leaveId: string }) => n.leaveId === leave.leaveId,
          ),
        ).toMatchObject({ status: 'APPROVED' });
      }
    });

    it('request → reject with a reason: the balance does not move', async () => {
      const w = workerWithContract();
      const policyId = await vacationPolicyId();
      const vars = { ws: 1, user: w.userId, ...RANGE };
      expect(vacationDays((await stack.gql(BALANCE, vars)).data)).toBe(20);
      const requested = await stack.gql(REQUEST_LEAVE, {
        input: { workspaceId: 1, userId: w.userId, policyId, start: '2027-07-01', end: '2027-07-02' },
      });
      const { leaveId } = requested.data.requestLeave;
      const rejected = await stack.gql(REJECT_LEAVE, {
        input: { workspaceId: 1, leaveId, reason: 'Release week' },
      });
      expect(rejected.errors).toBeUndefined();
      expect(rejected.data.rejectLeave).toMatchObject({
        leaveId,
        status: 'REJECTED',
        rejectReason: 'Release week',
        complete: true,
      });
      for (const token of ['demo-owner', 'demo-manager']) {
        const after = await stack.gql(BALANCE, vars, token);
        expect([token, vacationDays(after.data)]).toEqual([token, 20]);
        expect(
          after.data.workspace.member.leaves.nodes.find((n: { leaveId: string }) => n.leaveId === leaveId),
        ).toMatchObject({ status: 'REJECTED' });
      }
      const missing = await stack.gql(REJECT_LEAVE, { input: { workspaceId: 1, leaveId, reason: '' } });
      expect(missing.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'input.reason',
      });
    });

    it("request's main failures: an overlapping leave names input.start; an unknown policy is NOT_FOUND", async () => {
      const w = workerWithContract();
      const policyId = await vacationPolicyId();
      const input = { workspaceId: 1, userId: w.userId, policyId, start: '2027-09-06', end: '2027-09-08' };
      expect((await stack.gql(REQUEST_LEAVE, { input })).errors).toBeUndefined();
      const overlap = await stack.gql(REQUEST_LEAVE, {
        input: { ...input, start: '2027-09-08', end: '2027-09-09' },
      });
      expect(overlap.data.requestLeave).toBeNull();
      expect(overlap.errors![0]!.extensions).toEqual({
        code: 'UPSTREAM_REJECTED',
        operation: 'requestLeave',
        argument: 'input.start',
      });
      expect(overlap.errors![0]!.message).toMatch(/overlaps/);
      const unknown = await stack.gql(REQUEST_LEAVE, {
        input: {
          ...input,
          policyId: profile === 'lenient' ? '00000000-0000-0000-0000-000000000000' : '999',
          start: '2027-10-01',
          end: '2027-10-01',
        },
      });
      expect(unknown.errors![0]!.extensions!.code).toBe('NOT_FOUND');
      const backwards = await stack.gql(REQUEST_LEAVE, {
        input: { ...input, start: '2027-10-02', end: '2027-10-01' },
      });
      expect(backwards.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'input.end',
      });
    });

    it('approveLeaves with one bad id among good ones: each outcome on its own, each id sent once', async () => {
      const good = [...stack.sim.state.leaves.values()]
        .filter((l) => l.workspaceId === 1 && l.status === 'pending')
        .slice(0, 2)
        .map((l) => l.id);
      expect(good).toHaveLength(2);
      await stack.resetUpstreamStats();
      const result = await stack.gql(BATCH_LEAVES, {
        input: { workspaceId: 1, leaveIds: [good[0], good[1], '00000000-0000-0000-0000-000000000000'] },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.approveLeaves).toMatchObject({ approvedCount: 2, failedCount: 1 });
      expect(result.data.approveLeaves.results[2]).toMatchObject({
        ok: false,
        leave: null,
        error: { code: 'NOT_FOUND' },
      });
      expect(result.data.approveLeaves.results[0].leave.status).toBe('APPROVED');
      expect(approveRoutes((await stack.upstreamStats()).byRoute, /^(PUT|POST) \/leaves\/.*\/approve$/)).toBe(
        3,
      );
    });

    it('FORBIDDEN for demo-member approving, or requesting leave for someone else', async () => {
      const pending = [...stack.sim.state.leaves.values()].find(
        (l) => l.workspaceId === 1 && l.status === 'pending',
      )!;
      const approve = await stack.gql(
        APPROVE_LEAVE,
        { input: { workspaceId: 1, leaveId: pending.id } },
        memberToken,
      );
      expect(approve.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(approve.errors![0]!.message).toMatch(/approveLeave/);
      const other = workerWithContract();
      const policyId = await vacationPolicyId();
      const request = await stack.gql(
        REQUEST_LEAVE,
        { input: { workspaceId: 1, userId: other.userId, policyId, start: '2027-08-03', end: '2027-08-03' } },
        memberToken,
      );
      expect(request.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(request.errors![0]!.message).toMatch(/requestLeave/);
    });

    it('the leave review screen (pending leaves → member → balance → policy) costs the API minimum', async () => {
      // A gateway of its own on the same simulator: a cold cache.
      const cold = await startStack({ simulator: stack.sim });
      try {
        await cold.resetUpstreamStats();
        const result = await cold.gql(LEAVE_REVIEW, { ws: 1, ...RANGE });
        expect(result.errors).toBeUndefined();
        const nodes = result.data.workspace.leaves.nodes;
        expect(nodes.length).toBeGreaterThan(1);
        for (const node of nodes) expect(node.policy.name).toEqual(expect.any(String));
        // Archived members keep their leaves but have no balance (null, without an error).
        const withBalance = nodes.filter((n: any) => n.member.leaveBalances !== null);
        expect(withBalance.length).toBeGreaterThan(0);
        for (const node of withBalance) expect(node.member.leaveBalances.items.length).toBeGreaterThan(0);
        const { total, byRoute } = await cold.upstreamStats();
        // workspaces, pending leaves, members, balances (all members, one range), policies; the
        // docs show no policy on a leave, so docs-exact adds one leave list per policy (3 seeded).
        const expected: Record<string, number> = {
          'GET /workspaces': 1,
          'GET /leaves': profile === 'lenient' ? 1 : 4,
          'GET /members': 1,
          'GET /leaves/balances': 1,
          'GET /leaves/policies': 1,
        };
        expect(byRoute).toEqual(expected);
        expect(total).toBe(profile === 'lenient' ? 5 : 8);
      } finally {
        await cold.close();
      }
    });
  });
});
