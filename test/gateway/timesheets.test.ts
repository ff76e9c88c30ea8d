import { readFileSync } from 'node:fs';
import type { ProfileName } from '../../src/simulator/profile.js';
import { startStack, type Stack } from '../support/gateway-harness.js';

const SHEET = `id timesheetId status rejectReason complete userId`;
const READ = `query($ws: Int!, $user: Int!) { workspace(workspaceId: $ws) {
  timesheets(userId: $user, first: 100) { nodes { ${SHEET} } }
  member(userId: $user) { timesheets(first: 100) { nodes { timesheetId status } } } } }`;
const SUBMIT = `mutation($input: SubmitTimesheetInput!) { submitTimesheet(input: $input) { ${SHEET} } }`;
const UNSUBMIT = `mutation($input: UnsubmitTimesheetInput!) { unsubmitTimesheet(input: $input) { ${SHEET} } }`;
const APPROVE = `mutation($input: ApproveTimesheetInput!) { approveTimesheet(input: $input) { ${SHEET} } }`;
const REJECT = `mutation($input: RejectTimesheetInput!) { rejectTimesheet(input: $input) { ${SHEET} } }`;
const APPROVE_MANY = `mutation($input: ApproveTimesheetsInput!) { approveTimesheets(input: $input) {
  timesheetId timesheet { id status } error { code message } } }`;
const REJECT_MANY = `mutation($input: RejectTimesheetsInput!) { rejectTimesheets(input: $input) {
  timesheetId timesheet { id status rejectReason } error { code message } } }`;

/** A "timesheet review" screen: submitted timesheets → member → daily breakdown → project. */
/** The timesheet review query exactly as the README shows it (so its call count claim is what is tested). */
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const REVIEW = /```graphql\n(query TimesheetReview[\s\S]*?)```/.exec(README)![1]!;

describe.each<ProfileName>(['lenient', 'docs-exact'])(
  'timesheets end to end (simulator profile %s)',
  (profile) => {
    let stack: Stack;
    const used = new Set<string>();
    beforeAll(async () => {
      stack = await startStack({ sim: { profile } });
    });
    afterAll(() => stack.close());

    /** A seeded timesheet of workspace 1 in this store status, not used by another test. */
    function sheetIn(status: string) {
      const sheet = [...stack.sim.state.timesheets.values()].find(
        (t) => t.workspaceId === 1 && t.status === status && !used.has(t.id),
      );
      if (!sheet) throw new Error(`no ${status} timesheet left in the seed`);
      used.add(sheet.id);
      return sheet;
    }

    async function statusSeenBy(token: string, sheet: { id: string; userId: number }) {
      const res = await stack.gql(READ, { ws: 1, user: sheet.userId }, token);
      expect(res.errors).toBeUndefined();
      const fromWorkspace = res.data.workspace.timesheets.nodes.find((t: any) => t.timesheetId === sheet.id);
      const fromMember = res.data.workspace.member.timesheets.nodes.find(
        (t: any) => t.timesheetId === sheet.id,
      );
      expect(fromMember.status).toBe(fromWorkspace.status);
      return fromWorkspace.status as string;
    }

    const putsOf = async (verb: string) =>
      (await stack.upstreamStats()).byRoute[`PUT /timesheets/{timesheetId}/${verb}`] ?? 0;

    it('submit → approve: each move returns the changed timesheet, and every caller reads the new state next', async () => {
      const sheet = sheetIn('pending');
      const input = { workspaceId: 1, timesheetId: sheet.id };
      // Both callers have the draft cached.
      expect(await statusSeenBy('demo-owner', sheet)).toBe('PENDING');
      expect(await statusSeenBy('demo-manager', sheet)).toBe('PENDING');
      await stack.resetUpstreamStats();

      const submitted = await stack.gql(SUBMIT, { input }, 'demo-owner');
      expect(submitted.errors).toBeUndefined();
      expect(submitted.data.submitTimesheet).toMatchObject({
        timesheetId: sheet.id,
        status: 'SUBMITTED',
        complete: true,
      });
      const read = await stack.gql(READ, { ws: 1, user: sheet.userId }, 'demo-owner');
      const listed = read.data.workspace.timesheets.nodes.find((t: any) => t.timesheetId === sheet.id);
      expect(submitted.data.submitTimesheet.id).toBe(listed.id); // same global id: client caches merge it
      expect(await statusSeenBy('demo-owner', sheet)).toBe('SUBMITTED');
      expect(await statusSeenBy('demo-manager', sheet)).toBe('SUBMITTED');

      const approved = await stack.gql(APPROVE, { input }, 'demo-manager');
      expect(approved.errors).toBeUndefined();
      expect(approved.data.approveTimesheet).toMatchObject({ status: 'APPROVED', complete: true });
      expect(await statusSeenBy('demo-manager', sheet)).toBe('APPROVED');
      expect(await statusSeenBy('demo-owner', sheet)).toBe('APPROVED');
      expect(await putsOf('submit')).toBe(1);
      expect(await putsOf('approve')).toBe(1);

      // A business-rule refusal (approving an approved timesheet) is a clear code, never INTERNAL_SERVER_ERROR.
      const again = await stack.gql(APPROVE, { input }, 'demo-owner');
      expect(again.data.approveTimesheet).toBeNull();
      expect(again.errors![0]!.extensions).toMatchObject({
        code: 'UPSTREAM_REJECTED',
        operation: 'approveTimesheet',
      });
      expect(again.errors![0]!.message).toMatch(/^WebWork refused approveTimesheet: .*cannot be approved/);
    });

    it('submit → reject → resubmit, and unsubmit back to PENDING', async () => {
      const sheet = sheetIn('pending');
      const input = { workspaceId: 1, timesheetId: sheet.id };
      expect(await statusSeenBy('demo-manager', sheet)).toBe('PENDING');
      expect((await stack.gql(SUBMIT, { input })).data.submitTimesheet.status).toBe('SUBMITTED');
      const rejected = await stack.gql(REJECT, { input: { ...input, reason: 'Monday looks too high' } });
      expect(rejected.data.rejectTimesheet).toMatchObject({
        status: 'REJECTED',
        rejectReason: 'Monday looks too high',
      });
      expect(await statusSeenBy('demo-manager', sheet)).toBe('REJECTED');
      const resubmitted = await stack.gql(SUBMIT, { input });
      expect(resubmitted.data.submitTimesheet).toMatchObject({ status: 'SUBMITTED', rejectReason: null });
      expect(await statusSeenBy('demo-manager', sheet)).toBe('SUBMITTED');
      expect((await stack.gql(UNSUBMIT, { input })).data.unsubmitTimesheet.status).toBe('PENDING');
      expect(await statusSeenBy('demo-manager', sheet)).toBe('PENDING');
    });

    it('a batch reports each item on its own: one unknown id and one approved sheet among good ones', async () => {
      const good = [sheetIn('submitted'), sheetIn('submitted')];
      const done = sheetIn('approved');
      const ids = [good[0]!.id, 'nosuchsheet0', good[1]!.id, done.id];
      await stack.resetUpstreamStats();
      const res = await stack.gql(APPROVE_MANY, { input: { workspaceId: 1, timesheetIds: ids } });
      expect(res.errors).toBeUndefined();
      const results = res.data.approveTimesheets;
      expect(results.map((r: any) => r.timesheetId)).toEqual(ids);
      expect(results[0]).toMatchObject({ timesheet: { status: 'APPROVED' }, error: null });
      expect(results[1]).toMatchObject({ timesheet: null, error: { code: 'NOT_FOUND' } });
      expect(results[2]).toMatchObject({ timesheet: { status: 'APPROVED' }, error: null });
      expect(results[3]).toMatchObject({ timesheet: null, error: { code: 'UPSTREAM_REJECTED' } });
      expect(await putsOf('approve')).toBe(ids.length); // every item sent exactly once
      for (const sheet of good) expect(await statusSeenBy('demo-manager', sheet)).toBe('APPROVED');

      const other = sheetIn('submitted');
      const rejected = await stack.gql(REJECT_MANY, {
        input: { workspaceId: 1, timesheetIds: [other.id, good[0]!.id], reason: 'Split by project please' },
      });
      expect(rejected.data.rejectTimesheets).toMatchObject([
        { timesheetId: other.id, timesheet: { status: 'REJECTED', rejectReason: 'Split by project please' } },
        { timesheetId: good[0]!.id, timesheet: null, error: { code: 'UPSTREAM_REJECTED' } },
      ]);
    });

    it('FORBIDDEN for a Regular User approving or rejecting, singly or in a batch', async () => {
      const sheet = sheetIn('submitted');
      const input = { workspaceId: 1, timesheetId: sheet.id };
      const single = await stack.gql(APPROVE, { input }, 'demo-member');
      expect(single.data.approveTimesheet).toBeNull();
      expect(single.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      const reject = await stack.gql(REJECT, { input: { ...input, reason: 'no' } }, 'demo-member');
      expect(reject.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      const batch = await stack.gql(
        APPROVE_MANY,
        { input: { workspaceId: 1, timesheetIds: [sheet.id] } },
        'demo-member',
      );
      expect(batch.data.approveTimesheets[0].error.code).toBe('FORBIDDEN');
      expect(await statusSeenBy('demo-owner', sheet)).toBe('SUBMITTED');
    });

    it('bad input is refused before any upstream call, naming the argument', async () => {
      await stack.resetUpstreamStats();
      const cases: [string, Record<string, unknown>, string][] = [
        [REJECT, { input: { workspaceId: 1, timesheetId: 'abc', reason: '  ' } }, 'input.reason'],
        [REJECT, { input: { workspaceId: 1, timesheetId: 'abc', reason: 'x'.repeat(1001) } }, 'input.reason'],
        [APPROVE, { input: { workspaceId: 0, timesheetId: 'abc' } }, 'input.workspaceId'],
        [SUBMIT, { input: { workspaceId: 1, timesheetId: '../members' } }, 'input.timesheetId'],
        [APPROVE_MANY, { input: { workspaceId: 1, timesheetIds: [] } }, 'input.timesheetIds'],
        [APPROVE_MANY, { input: { workspaceId: 1, timesheetIds: ['a', 'b', 'a'] } }, 'input.timesheetIds'],
        [APPROVE_MANY, { input: { workspaceId: 1, timesheetIds: ['a', 'b c'] } }, 'input.timesheetIds[1]'],
        [
          `{ workspace(workspaceId: 1) { timesheets(from: "2024-02-01", to: "2024-01-01") { totalCount } } }`,
          {},
          'to',
        ],
      ];
      for (const [query, variables, argument] of cases) {
        const res = await stack.gql(query, variables);
        expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      }
      const stats = await stack.upstreamStats();
      expect(Object.keys(stats.byRoute).filter((r) => r.includes('timesheets'))).toEqual([]);
    });

    it('the review screen (submitted → member → days → project) costs 4 upstream calls, the minimum', async () => {
      const cold = await startStack({ sim: { profile }, redis: false });
      try {
        await cold.resetUpstreamStats();
        const res = await cold.gql(REVIEW, { ws: 1 });
        expect(res.errors).toBeUndefined();
        const sheets = res.data.workspace.timesheets.nodes;
        expect(sheets.length).toBeGreaterThan(1);
        expect(sheets.every((t: any) => t.member && typeof t.totalAmount === 'number')).toBe(true);
        expect(sheets.some((t: any) => t.days.some((d: any) => d.entries.some((e: any) => e.project)))).toBe(
          true,
        );
        // One each: the workspace, the timesheet page, the member list page, the project list page.
        expect((await cold.upstreamStats()).byRoute).toEqual({
          'GET /workspaces': 1,
          'GET /timesheets': 1,
          'GET /members': 1,
          'GET /projects': 1,
        });
        // Amounts only for roles that may view rates; a Regular User sees their own timesheets only.
        const mine = await cold.gql(
          `{ workspace(workspaceId: 1) { viewerUserId timesheets(first: 100) { nodes { userId totalAmount } } } }`,
          {},
          'demo-member',
        );
        const { viewerUserId, timesheets } = mine.data.workspace;
        expect(timesheets.nodes.every((t: any) => t.userId === viewerUserId && t.totalAmount === null)).toBe(
          true,
        );
      } finally {
        await cold.close();
      }
    });
  },
);
