import { PROFILE_NAMES } from '../../src/simulator/profile.js';
import { configureSimulator, startStack, type Stack } from '../support/gateway-harness.js';

/**
 * Expenses, time entries, reports and webhooks over HTTP against the simulator, under both of its
 * profiles (`docs-exact`: no id from POST /time-entries, no pagination blocks on expenses and
 * reports, the daily timeline in the owner's offset).
 */
describe.each(PROFILE_NAMES)('money and time, simulator profile %s', (profile) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ sim: { profile } });
  });
  afterAll(() => stack.close());

  const codes = (r: { errors?: { extensions?: Record<string, any> }[] }) =>
    (r.errors ?? []).map((e) => e.extensions?.code);

  const EXPENSES = `query($ws: Int!, $from: Date, $to: Date) { workspace(workspaceId: $ws) {
    expenses(first: 100, dateFrom: $from, dateTo: $to) { totalCount nodes {
      id expenseId name date amount billing categoryName projectName
      category { id categoryId name } project { projectId name } } } } }`;

  describe('expenses', () => {
    it('lists expenses with category and project edges, each list read once for all of them', async () => {
      await stack.resetUpstreamStats();
      const r = await stack.gql(EXPENSES, { ws: 1 });
      expect(r.errors).toBeUndefined();
      const nodes = r.data.workspace.expenses.nodes as any[];
      expect(nodes.length).toBeGreaterThan(1);
      for (const e of nodes) {
        expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (e.categoryName) expect(e.category.name).toBe(e.categoryName);
        if (e.projectName) expect(e.project?.name ?? e.projectName).toBe(e.projectName);
      }
      // Upstream `billable` / `non-billable`, read through the enum table.
      expect(new Set(nodes.map((e) => e.billing))).toEqual(new Set(['BILLABLE', 'NON_BILLABLE']));
      const stats = await stack.upstreamStats();
      expect(stats.byRoute['GET /expenses']).toBe(1);
      expect(stats.byRoute['GET /expenses/categories']).toBe(1);
      expect(stats.byRoute['GET /projects'] ?? 0).toBeLessThanOrEqual(1);
    });

    it('checks filters before any upstream call', async () => {
      await stack.resetUpstreamStats();
      const r = await stack.gql(EXPENSES, { ws: 1, from: '2024-02-01', to: '2024-01-01' });
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0]!.extensions!.argument).toBe('dateTo');
      expect((await stack.upstreamStats()).byRoute['GET /expenses']).toBeUndefined();
    });

    it('create, update, delete: the same caller and another see each change on the next read', async () => {
      const categories = await stack.gql(
        `{ workspace(workspaceId: 1) { expenseCategories { categoryId name } } }`,
      );
      const category = categories.data.workspace.expenseCategories[0];
      const read = async (token: string) =>
        ((await stack.gql(EXPENSES, { ws: 1 }, token)).data.workspace.expenses.nodes as any[]).filter(
          (e) => e.name === `Train tickets ${profile}`,
        );
      expect(await read('demo-owner')).toEqual([]);
      expect(await read('demo-manager')).toEqual([]);

      const created = await stack.gql(
        `mutation($input: CreateExpenseInput!) { createExpense(input: $input) { id expenseId name amount date category { categoryId } } }`,
        {
          input: {
            workspaceId: 1,
            name: `Train tickets ${profile}`,
            date: '2026-11-02',
            amount: 42.5,
            categoryId: category.categoryId,
            note: 'Client visit',
          },
        },
      );
      expect(created.errors).toBeUndefined();
      const expense = created.data.createExpense;
      expect(expense).toMatchObject({ name: `Train tickets ${profile}`, amount: 42.5, date: '2026-11-02' });
      expect(expense.id).toBeTruthy();
      expect(expense.category.categoryId).toBe(category.categoryId);
      for (const token of ['demo-owner', 'demo-manager']) {
        expect((await read(token)).map((e) => e.expenseId)).toEqual([expense.expenseId]);
      }

      const updated = await stack.gql(
        `mutation($input: UpdateExpenseInput!) { updateExpense(input: $input) { id amount } }`,
        { input: { workspaceId: 1, expenseId: expense.expenseId, amount: 50 } },
      );
      expect(updated.data.updateExpense).toEqual({ id: expense.id, amount: 50 });
      for (const token of ['demo-owner', 'demo-manager']) {
        expect((await read(token)).map((e) => e.amount)).toEqual([50]);
      }

      const deleted = await stack.gql(
        `mutation($input: DeleteExpenseInput!) { deleteExpense(input: $input) { id expenseId } }`,
        { input: { workspaceId: 1, expenseId: expense.expenseId } },
      );
      expect(deleted.data.deleteExpense).toEqual({ id: expense.id, expenseId: expense.expenseId });
      for (const token of ['demo-owner', 'demo-manager']) expect(await read(token)).toEqual([]);
    });

    it('refuses a bad amount, category id or name before any upstream call', async () => {
      const CREATE = `mutation($input: CreateExpenseInput!) { createExpense(input: $input) { id } }`;
      const base = {
        workspaceId: 1,
        name: 'x',
        date: '2026-11-02',
        amount: 1,
        categoryId: '00000000-0000-4000-8000-000000000000',
      };
      await stack.resetUpstreamStats();
      for (const [change, argument] of [
        [{ amount: -5 }, 'input.amount'],
        [{ amount: 0 }, 'input.amount'],
        [{ categoryId: 'food' }, 'input.categoryId'],
        [{ name: '' }, 'input.name'],
        [{ name: 'n'.repeat(256) }, 'input.name'],
      ] as const) {
        const r = await stack.gql(CREATE, { input: { ...base, ...change } });
        expect(r.data.createExpense).toBeNull();
        expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      }
      expect((await stack.upstreamStats()).total).toBe(0);
    });

    it('FORBIDDEN for a Regular User, on the read and on a create', async () => {
      const r = await stack.gql(EXPENSES, { ws: 1 }, 'demo-member');
      expect(r.data.workspace.expenses).toBeNull();
      expect(codes(r)).toEqual(['FORBIDDEN']);
      const w = await stack.gql(
        `mutation($input: CreateExpenseInput!) { createExpense(input: $input) { id } }`,
        {
          input: {
            workspaceId: 1,
            name: 'x',
            date: '2026-11-02',
            amount: 1,
            categoryId: '00000000-0000-4000-8000-000000000000',
          },
        },
        'demo-member',
      );
      expect(codes(w)).toEqual(['FORBIDDEN']);
    });
  });

  describe('creates are sent once, never retried', () => {
    afterEach(() => configureSimulator(stack.sim, { failRate: 0, faultMethods: [], faultPathPattern: '' }));

    it.each([
      [
        'createExpense',
        'POST /expenses',
        `mutation($input: CreateExpenseInput!) { createExpense(input: $input) { id } }`,
        {
          workspaceId: 1,
          name: 'x',
          date: '2026-11-02',
          amount: 1,
          categoryId: '00000000-0000-4000-8000-000000000000',
        },
      ],
      [
        'createTimeEntry',
        'POST /time-entries',
        `mutation($input: CreateTimeEntryInput!) { createTimeEntry(input: $input) { id } }`,
        { workspaceId: 1, userId: 3, date: '2026-10-05', startTime: '01:00', endTime: '01:30' },
      ],
      [
        'createWebhook',
        'POST /webhooks',
        `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { id } }`,
        { workspaceId: 1, url: 'https://example.com/once', events: ['TRACKER_STOPPED'] },
      ],
    ])('%s: a 5xx is reported after exactly one upstream call', async (name, route, mutation, input) => {
      const [method, path] = route.split(' ') as [string, string];
      await configureSimulator(stack.sim, {
        failRate: 1,
        faultMethods: [method],
        faultPathPattern: `${path}$`,
      });
      await stack.resetUpstreamStats();
      const r = await stack.gql(mutation, { input });
      expect(r.data[name]).toBeNull();
      expect(codes(r)).toEqual(['UPSTREAM_UNAVAILABLE']);
      expect((await stack.upstreamStats()).byRoute[route]).toBe(1);
    });
  });

  describe("each mutation's main failure: WebWork has no such object", () => {
    const MISSING_UUID = '00000000-0000-4000-8000-0000000000ff';
    it.each([
      [
        'createExpense',
        `mutation($input: CreateExpenseInput!) { createExpense(input: $input) { id } }`,
        { workspaceId: 1, name: 'x', date: '2026-11-02', amount: 1, categoryId: MISSING_UUID },
      ],
      [
        'updateExpense',
        `mutation($input: UpdateExpenseInput!) { updateExpense(input: $input) { id } }`,
        { workspaceId: 1, expenseId: MISSING_UUID, amount: 3 },
      ],
      [
        'deleteExpense',
        `mutation($input: DeleteExpenseInput!) { deleteExpense(input: $input) { id } }`,
        { workspaceId: 1, expenseId: MISSING_UUID },
      ],
      [
        'updateTimeEntry',
        `mutation($input: UpdateTimeEntryInput!) { updateTimeEntry(input: $input) { id } }`,
        { workspaceId: 1, timeEntryId: 'no-such-entry', notes: 'x' },
      ],
      [
        'deleteTimeEntry',
        `mutation($input: DeleteTimeEntryInput!) { deleteTimeEntry(input: $input) { id } }`,
        { workspaceId: 1, timeEntryId: 'no-such-entry' },
      ],
      [
        'updateWebhook',
        `mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { id } }`,
        { workspaceId: 1, webhookId: 'nosuchhook', url: 'https://example.com/x' },
      ],
      [
        'deleteWebhook',
        `mutation($input: DeleteWebhookInput!) { deleteWebhook(input: $input) { id } }`,
        { workspaceId: 1, webhookId: 'nosuchhook' },
      ],
    ])(
      '%s: null with NOT_FOUND and WebWork’s message, not INTERNAL_SERVER_ERROR',
      async (name, mutation, input) => {
        const r = await stack.gql(mutation, { input });
        expect(r.data[name]).toBeNull();
        expect(codes(r)).toEqual(['NOT_FOUND']);
        expect(r.errors![0]!.message).toMatch(/not found/i);
      },
    );
  });

  describe('reports', () => {
    const today = new Date().toISOString().slice(0, 10);
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const REPORTS = `query($ws: Int!, $from: Date!, $to: Date!, $day: Date!) { workspace(workspaceId: $ws) { reports {
      trackedHours(startDate: $from, endDate: $to) { reportType startDate endDate payload }
      dailyTimeline(date: $day, perPage: 10) { payload }
      dailyAttendance(date: $day) { payload }
      activityLevel(startDate: $from, endDate: $to) { payload }
      taskReport(startDate: $from, endDate: $to) { tasksBreakdown dailyBreakdown payload }
      activityDescriptions(startDate: $from, endDate: $to) { payload }
    } } }`;

    it('an Owner reads all six, typed where documented and the payload as JSON', async () => {
      const r = await stack.gql(REPORTS, { ws: 1, from: daysAgo(6), to: today, day: daysAgo(1) });
      expect(r.errors).toBeUndefined();
      const reports = r.data.workspace.reports;
      expect(reports.trackedHours).toMatchObject({ startDate: daysAgo(6), endDate: today });
      expect(typeof reports.trackedHours.payload).toBe('object');
      expect(reports.trackedHours.payload).not.toBeNull();
      for (const name of ['dailyTimeline', 'dailyAttendance', 'activityLevel', 'activityDescriptions']) {
        expect(reports[name]).not.toBeNull();
      }
      expect(reports.taskReport.payload).not.toBeNull();
    });

    it('sends the attendance filter in WebWork spelling (late, on_leave, ...)', async () => {
      const ATTENDANCE = `query($day: Date!, $statuses: [AttendanceStatus!]) { workspace(workspaceId: 1) {
        reports { dailyAttendance(date: $day, statuses: $statuses) { payload } } } }`;
      const all = ['LATE', 'LEFT_EARLY', 'TRACKED_LESS', 'ABSENT', 'ON_LEAVE'];
      const r = await stack.gql(ATTENDANCE, { day: daysAgo(1), statuses: all });
      expect(r.errors).toBeUndefined();
      expect(r.data.workspace.reports.dailyAttendance.payload).not.toBeNull();
    });

    it('an Executive Manager may read them too', async () => {
      const r = await stack.gql(
        `{ workspace(workspaceId: 1) { reports { trackedHours { startDate endDate } } } }`,
        {},
        'demo-manager',
      );
      expect(r.errors).toBeUndefined();
      expect(r.data.workspace.reports.trackedHours.startDate).toMatch(/^\d{4}-/);
    });

    it('a range over 31 days is BAD_USER_INPUT naming endDate, before any upstream call', async () => {
      await stack.resetUpstreamStats();
      const r = await stack.gql(
        `{ workspace(workspaceId: 1) { reports { taskReport(startDate: "2026-01-01", endDate: "2026-02-01") { payload } } } }`,
      );
      expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'endDate' });
      expect(r.errors![0]!.message).toMatch(/31 days/);
      const stats = await stack.upstreamStats();
      expect(Object.keys(stats.byRoute).filter((k) => k.includes('/reports'))).toEqual([]);
      const single = await stack.gql(
        `{ workspace(workspaceId: 1) { reports { trackedHours(userId: 3, startDate: "2026-01-01", endDate: "2026-03-01") { payload } } } }`,
      );
      expect(single.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'endDate' });
    });

    it('31 days, both ends included, are allowed; tracked hours without a user have no documented limit', async () => {
      const r = await stack.gql(
        `{ workspace(workspaceId: 1) { reports {
          activityLevel(startDate: "2026-10-01", endDate: "2026-10-31") { payload }
          trackedHours(startDate: "2026-09-01", endDate: "2026-10-31") { startDate endDate } } } }`,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data.workspace.reports.trackedHours).toEqual({
        startDate: '2026-09-01',
        endDate: '2026-10-31',
      });
    });

    it('an end before the start is BAD_USER_INPUT naming endDate', async () => {
      const r = await stack.gql(
        `{ workspace(workspaceId: 1) { reports { activityDescriptions(startDate: "2026-10-05", endDate: "2026-10-01") { payload } } } }`,
      );
      expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'endDate' });
    });

    it('FORBIDDEN for a Regular User, naming the reports, without an upstream report call', async () => {
      await stack.resetUpstreamStats();
      const r = await stack.gql(
        `{ workspace(workspaceId: 1) { reports { trackedHours { payload } } } }`,
        {},
        'demo-member',
      );
      expect(r.data.workspace.reports).toBeNull();
      expect(r.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(r.errors![0]!.message).toMatch(/Owners and Executive Managers may read reports/);
      const stats = await stack.upstreamStats();
      expect(Object.keys(stats.byRoute).filter((k) => k.includes('/reports'))).toEqual([]);
    });
  });

  describe('time entries', () => {
    const userIdOf = async () => {
      const r = await stack.gql(
        `{ workspace(workspaceId: 1) { members(first: 5) { nodes { userId status } } } }`,
      );
      return (r.data.workspace.members.nodes as any[]).find((m) => m.status === 'ACTIVE').userId as number;
    };
    const DAY = '2026-10-04';
    const ENTRIES = `query($user: Int!, $day: Date!) { workspace(workspaceId: 1) { member(userId: $user) {
      timeEntries(date: $day) { id timeEntryId startedAt endedAt durationMinutes activityDescription } } } }`;

    it('create (no id in docs-exact: found by its start), update, delete; both callers see each change', async () => {
      const userId = await userIdOf();
      const read = async (token: string) =>
        (await stack.gql(ENTRIES, { user: userId, day: DAY }, token)).data.workspace.member
          .timeEntries as any[];
      const before = await read('demo-owner');
      await read('demo-manager');

      const created = await stack.gql(
        `mutation($input: CreateTimeEntryInput!) { createTimeEntry(input: $input) {
          id timeEntryId userId date startedAt endedAt activityDescription } }`,
        {
          input: {
            workspaceId: 1,
            userId,
            date: DAY,
            startTime: '02:00',
            endTime: '03:30',
            notes: 'Night shift',
          },
        },
      );
      expect(created.errors).toBeUndefined();
      const entry = created.data.createTimeEntry;
      expect(entry).toMatchObject({
        userId,
        date: DAY,
        startedAt: `${DAY}T02:00:00.000Z`,
        endedAt: `${DAY}T03:30:00.000Z`,
        activityDescription: 'Night shift',
      });
      expect(entry.timeEntryId).toBeTruthy();
      expect(entry.id).toBeTruthy();
      for (const token of ['demo-owner', 'demo-manager']) {
        const after = await read(token);
        expect(after).toHaveLength(before.length + 1);
        expect(after.map((e) => e.timeEntryId)).toContain(entry.timeEntryId);
      }

      const updated = await stack.gql(
        `mutation($input: UpdateTimeEntryInput!) { updateTimeEntry(input: $input) { id endedAt durationMinutes } }`,
        { input: { workspaceId: 1, timeEntryId: entry.timeEntryId, userId, date: DAY, endTime: '04:00' } },
      );
      expect(updated.errors).toBeUndefined();
      expect(updated.data.updateTimeEntry).toMatchObject({ id: entry.id, endedAt: `${DAY}T04:00:00.000Z` });
      for (const token of ['demo-owner', 'demo-manager']) {
        const mine = (await read(token)).find((e) => e.timeEntryId === entry.timeEntryId);
        expect(mine.durationMinutes).toBe(120);
      }

      const deleted = await stack.gql(
        `mutation($input: DeleteTimeEntryInput!) { deleteTimeEntry(input: $input) { id timeEntryId } }`,
        { input: { workspaceId: 1, timeEntryId: entry.timeEntryId, userId } },
      );
      expect(deleted.data.deleteTimeEntry).toEqual({ id: entry.id, timeEntryId: entry.timeEntryId });
      for (const token of ['demo-owner', 'demo-manager'])
        expect(await read(token)).toHaveLength(before.length);
    });

    it('refuses bad clocks before any upstream call; FORBIDDEN for a Regular User', async () => {
      const CREATE = `mutation($input: CreateTimeEntryInput!) { createTimeEntry(input: $input) { id } }`;
      const input = { workspaceId: 1, userId: 3, date: DAY, startTime: '10:00', endTime: '09:00' };
      await stack.resetUpstreamStats();
      const r = await stack.gql(CREATE, { input });
      expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.endTime' });
      const r2 = await stack.gql(CREATE, { input: { ...input, startTime: '9am' } });
      expect(r2.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'input.startTime',
      });
      expect((await stack.upstreamStats()).total).toBe(0);
      const forbidden = await stack.gql(CREATE, { input: { ...input, endTime: '11:00' } }, 'demo-member');
      expect(codes(forbidden)).toEqual(['FORBIDDEN']);
    });
  });

  describe('webhooks', () => {
    const LIST = `{ workspace(workspaceId: 1) { webhooks(first: 100) { nodes { id webhookId url events } } } }`;
    const mine = async (token: string) =>
      ((await stack.gql(LIST, {}, token)).data.workspace.webhooks.nodes as any[]).filter((w) =>
        String(w.url).startsWith(`https://hooks.example.com/${profile}`),
      );

    it('create, update, delete: the same caller and another see each change', async () => {
      expect(await mine('demo-owner')).toEqual([]);
      expect(await mine('demo-manager')).toEqual([]);
      const created = await stack.gql(
        `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { id webhookId url events token } }`,
        {
          input: {
            workspaceId: 1,
            url: `https://hooks.example.com/${profile}/a`,
            events: ['TRACKER_STARTED', 'MEMBER_INVITED'],
          },
        },
      );
      expect(created.errors).toBeUndefined();
      const hook = created.data.createWebhook;
      expect(hook.events).toEqual(['tracker.started', 'member.invited']);
      expect(hook.token).toBeTruthy();
      for (const token of ['demo-owner', 'demo-manager']) {
        expect((await mine(token)).map((w) => w.id)).toEqual([hook.id]);
      }

      const updated = await stack.gql(
        `mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { id url events token } }`,
        {
          input: {
            workspaceId: 1,
            webhookId: hook.webhookId,
            url: `https://hooks.example.com/${profile}/b`,
            events: ['PROJECT_CREATED'],
          },
        },
      );
      expect(updated.errors).toBeUndefined();
      expect(updated.data.updateWebhook).toEqual({
        id: hook.id,
        url: `https://hooks.example.com/${profile}/b`,
        events: ['project.created'],
        token: hook.token,
      });
      for (const token of ['demo-owner', 'demo-manager']) {
        expect((await mine(token)).map((w) => w.events)).toEqual([['project.created']]);
      }

      const deleted = await stack.gql(
        `mutation($input: DeleteWebhookInput!) { deleteWebhook(input: $input) { id webhookId } }`,
        { input: { workspaceId: 1, webhookId: hook.webhookId } },
      );
      expect(deleted.data.deleteWebhook).toEqual({ id: hook.id, webhookId: hook.webhookId });
      for (const token of ['demo-owner', 'demo-manager']) expect(await mine(token)).toEqual([]);
    });

    it('refuses a bad URL or no events before any upstream call; FORBIDDEN for a Regular User', async () => {
      const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { id } }`;
      await stack.resetUpstreamStats();
      const r = await stack.gql(CREATE, {
        input: { workspaceId: 1, url: 'ftp://example.com/x', events: ['TRACKER_STARTED'] },
      });
      expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.url' });
      const r2 = await stack.gql(CREATE, {
        input: { workspaceId: 1, url: 'https://example.com/x', events: [] },
      });
      expect(r2.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.events' });
      expect((await stack.upstreamStats()).total).toBe(0);
      const forbidden = await stack.gql(LIST, {}, 'demo-member');
      expect(codes(forbidden)).toEqual(['FORBIDDEN']);
    });
  });
});
