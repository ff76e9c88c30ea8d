import {
  call,
  expectFailure,
  expectSuccess,
  startTestSimulator,
  type SimulatorHandle,
  userIdOf,
} from '../support/sim-client.js';

let sim: SimulatorHandle;
beforeAll(async () => {
  // The union of both doc sets (`lenient`); docs-exact's differences: profile-*.test.ts.
  sim = await startTestSimulator({ profile: 'lenient' });
});
afterAll(() => sim.close());

const ws = { workspace_id: 1 };
const sheetsOf = (workspaceId: number) =>
  [...sim.state.timesheets.values()].filter((t) => t.workspaceId === workspaceId);
/** A pending timesheet of ws 1 that no other test uses (taken from the end of the store). */
const taken = new Set<string>();
function freshSheet(filter: (userId: number) => boolean = () => true) {
  const sheet = sheetsOf(1)
    .reverse()
    .find((t) => t.status === 'pending' && !taken.has(t.id) && filter(t.userId))!;
  taken.add(sheet.id);
  return sheet;
}
/** Minutes of a user's time entries whose start date lies in [from, to]: recomputed independently. */
function expectedMinutes(userId: number, from: string, to: string) {
  return [...sim.state.timeEntries.values()]
    .filter((e) => e.workspaceId === 1 && e.userId === userId)
    .filter((e) => e.start.slice(0, 10) >= from && e.start.slice(0, 10) <= to)
    .reduce((sum, e) => sum + Math.round((Date.parse(e.end) - Date.parse(e.start)) / 60_000), 0);
}
/** Hours x contract rate over billable projects, for the same entries. */
function expectedAmount(userId: number, from: string, to: string) {
  const amount = [...sim.state.timeEntries.values()]
    .filter((e) => e.workspaceId === 1 && e.userId === userId)
    .filter((e) => e.start.slice(0, 10) >= from && e.start.slice(0, 10) <= to)
    .reduce((sum, e) => {
      const billable = sim.state.projects.get(e.projectId!)?.isBillable;
      const rate = billable ? (sim.state.contracts.get(e.contractId!)?.rate ?? 0) : 0;
      return sum + (Math.round((Date.parse(e.end) - Date.parse(e.start)) / 60_000) / 60) * rate;
    }, 0);
  return Math.round(amount * 100) / 100;
}
const put = (id: string, action: string, token = 'demo-owner', body: Record<string, unknown> = {}) =>
  call(sim, 'PUT', `/timesheets/${id}/${action}`, { token, body: { ...ws, ...body } });

describe('GET /timesheets', () => {
  it('lists every timesheet of the workspace for an Owner, with computed totals', async () => {
    const body = expectSuccess(await call(sim, 'GET', '/timesheets', { query: { ...ws, per_page: 100 } }));
    expect(body.message).toBe('Timesheets retrieved successfully');
    expect(body.data.map((t: any) => t.id)).toEqual(sheetsOf(1).map((t) => t.id));
    expect(body.meta.pagination).toMatchObject({ total: sheetsOf(1).length });
    for (const item of body.data.slice(0, 5)) {
      const record = sim.state.timesheets.get(item.id)!;
      const user = sim.state.users.get(record.userId)!;
      const minutes = expectedMinutes(record.userId, record.dateFrom, record.dateTo);
      expect(item).toMatchObject({
        user_id: record.userId,
        member: `${user.firstname} ${user.lastname}`,
        date_from: record.dateFrom,
        date_to: record.dateTo,
        total_minutes: minutes,
        total_hours: Math.round((minutes / 60) * 100) / 100,
        total_amount: expectedAmount(record.userId, record.dateFrom, record.dateTo),
        status: record.status,
        submitted_on: record.submittedOn,
        reject_reason: record.rejectReason,
      });
      const breakdownMinutes = Object.values(item.daily_breakdown as Record<string, any[]>)
        .flat()
        .reduce((sum, row) => sum + row.total_minutes, 0);
      expect(breakdownMinutes).toBe(minutes);
    }
  });

  it('shows a Regular User only their own timesheets, without amounts when rates are hidden', async () => {
    const me = userIdOf(sim, 'demo-member');
    expect(sim.state.membership(1, me)!.rateStatus).toBe(0);
    const body = expectSuccess(await call(sim, 'GET', '/timesheets', { query: ws, token: 'demo-member' }));
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.map((t: any) => t.id)).toEqual(
      sheetsOf(1)
        .filter((t) => t.userId === me)
        .map((t) => t.id),
    );
    for (const item of body.data) {
      expect(item).not.toHaveProperty('total_amount');
      for (const row of Object.values(item.daily_breakdown as Record<string, any[]>).flat()) {
        expect(row).not.toHaveProperty('total_amount');
      }
    }
  });

  it('filters by user_id, id, status (with "open" as an alias of "pending") and period', async () => {
    const sample = sheetsOf(1)[3]!;
    const byUser = expectSuccess(
      await call(sim, 'GET', '/timesheets', { query: { ...ws, user_id: sample.userId } }),
    );
    expect(byUser.data.every((t: any) => t.user_id === sample.userId)).toBe(true);
    expect(byUser.data.map((t: any) => t.id)).toContain(sample.id);
    const byId = expectSuccess(await call(sim, 'GET', '/timesheets', { query: { ...ws, id: sample.id } }));
    expect(byId.data.map((t: any) => t.id)).toEqual([sample.id]);

    const pending = sheetsOf(1)
      .filter((t) => t.status === 'pending')
      .map((t) => t.id);
    const asPending = expectSuccess(
      await call(sim, 'GET', '/timesheets', { query: { ...ws, status: 'pending', per_page: 100 } }),
    );
    const asOpen = expectSuccess(
      await call(sim, 'GET', '/timesheets', { query: { ...ws, status: 'open', per_page: 100 } }),
    );
    expect(asPending.data.map((t: any) => t.id)).toEqual(pending);
    expect(asOpen.data.map((t: any) => t.id)).toEqual(pending);

    const before = expectSuccess(
      await call(sim, 'GET', '/timesheets', {
        query: { ...ws, date_from: '2000-01-01', date_to: '2000-01-31' },
      }),
    );
    expect(before.data).toEqual([]);
    const around = expectSuccess(
      await call(sim, 'GET', '/timesheets', {
        query: { ...ws, date_from: sample.dateTo, date_to: sample.dateTo, per_page: 100 },
      }),
    );
    expect(around.data.map((t: any) => t.id)).toContain(sample.id);
  });

  it('orders by period with order_by', async () => {
    const asc = expectSuccess(
      await call(sim, 'GET', '/timesheets', { query: { ...ws, order_by: 'asc', per_page: 100 } }),
    );
    const froms = asc.data.map((t: any) => t.date_from);
    expect(froms).toEqual([...froms].sort());
    const desc = expectSuccess(
      await call(sim, 'GET', '/timesheets', { query: { ...ws, order_by: 'desc', per_page: 100 } }),
    );
    expect(desc.data.map((t: any) => t.date_from)).toEqual([...froms].sort().reverse());
  });

  it('400 without workspace_id; 422 for bad filters; 403 outside the workspace', async () => {
    expectFailure(await call(sim, 'GET', '/timesheets'), 400, /workspace_id is required/);
    expectFailure(
      await call(sim, 'GET', '/timesheets', { query: { ...ws, status: 'done' } }),
      422,
      /status must be one of/,
    );
    expectFailure(
      await call(sim, 'GET', '/timesheets', { query: { ...ws, order_by: 'up' } }),
      422,
      /order_by/,
    );
    expectFailure(
      await call(sim, 'GET', '/timesheets', {
        query: { ...ws, date_from: '2024-02-01', date_to: '2024-01-01' },
      }),
      422,
      /date_to must be on or after date_from/,
    );
    expectFailure(await call(sim, 'GET', '/timesheets', { query: ws, token: 'demo-owner-2' }), 403);
  });

  it('includes approved manual time in the totals and the daily breakdown', async () => {
    const me = userIdOf(sim, 'demo-member');
    const sheet = sheetsOf(1).find((t) => t.userId === me)!;
    const contract = [...sim.state.contracts.values()].find((c) => c.userId === me && c.workspaceId === 1)!;
    const beforeBody = expectSuccess(
      await call(sim, 'GET', '/timesheets', { query: { ...ws, id: sheet.id } }),
    );
    const created = expectSuccess(
      await call(sim, 'POST', '/time-requests', {
        body: {
          ...ws,
          user_id: me,
          contract_id: contract.id,
          start: `${sheet.dateFrom}T05:00:00Z`,
          end: `${sheet.dateFrom}T06:30:00Z`,
        },
      }),
      201,
    );
    expectSuccess(await call(sim, 'POST', `/time-requests/${created.data.id}/approve`, { body: ws }));
    const after = expectSuccess(await call(sim, 'GET', '/timesheets', { query: { ...ws, id: sheet.id } }));
    expect(after.data[0].total_minutes).toBe(beforeBody.data[0].total_minutes + 90);
    const row = after.data[0].daily_breakdown[sheet.dateFrom].find((r: any) => r.contract_id === contract.id);
    expect(row).toMatchObject({
      project_id: contract.projectId,
      project_name: sim.state.projects.get(contract.projectId)!.name,
      total_minutes: expect.any(Number),
    });
    expect(row.total_minutes).toBeGreaterThanOrEqual(90);
  });
});

describe('PUT /timesheets/{timesheetId}/submit', () => {
  it('lets the owner submit a pending timesheet; a second submit is a 400', async () => {
    const me = userIdOf(sim, 'demo-member');
    const sheet = sheetsOf(1).find((t) => t.userId === me)!;
    taken.add(sheet.id);
    const body = expectSuccess(await put(sheet.id, 'submit', 'demo-member'));
    expect(body.message).toBe('Timesheet submitted successfully');
    expect(body.data).toMatchObject({
      id: sheet.id,
      status: 'submitted',
      submitted_on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
    });
    const list = expectSuccess(await call(sim, 'GET', '/timesheets', { query: { ...ws, id: sheet.id } }));
    expect(list.data[0].status).toBe('submitted');
    expectFailure(
      await put(sheet.id, 'submit', 'demo-member'),
      400,
      /cannot be submitted: its status is "submitted"/,
    );
  });

  it("403 for another Regular User's timesheet; 404 for unknown ids and other workspaces", async () => {
    const me = userIdOf(sim, 'demo-member');
    const other = freshSheet(
      (userId) => userId !== me && sim.state.membership(1, userId)!.role === 'Regular User',
    );
    expectFailure(await put(other.id, 'submit', 'demo-member'), 403, /timesheet's owner/);
    expect(sim.state.timesheets.get(other.id)!.status).toBe('pending');
    expectFailure(await put('nope123', 'submit'), 404, /No timesheet with id "nope123"/);
    const foreign = sheetsOf(2)[0]!;
    expectFailure(await put(foreign.id, 'submit'), 404);
  });
});

describe('PUT /timesheets/{timesheetId}/unsubmit', () => {
  it('returns a submitted timesheet to pending; unsubmitting a pending one is a 400', async () => {
    const sheet = freshSheet();
    expectSuccess(await put(sheet.id, 'submit'));
    const body = expectSuccess(await put(sheet.id, 'unsubmit'));
    expect(body.message).toBe('Timesheet unsubmitted successfully');
    expect(body.data).toMatchObject({ status: 'pending', submitted_on: null });
    expect(sim.state.timesheets.get(sheet.id)!.status).toBe('pending');
    expectFailure(await put(sheet.id, 'unsubmit'), 400, /its status is "pending", expected "submitted"/);
  });

  it('400 without workspace_id', async () => {
    const sheet = freshSheet();
    expectFailure(
      await call(sim, 'PUT', `/timesheets/${sheet.id}/unsubmit`, { body: {} }),
      400,
      /workspace_id/,
    );
  });
});

describe('PUT /timesheets/{timesheetId}/approve', () => {
  it('approves a submitted timesheet (manager); approving again is a 400', async () => {
    const sheet = freshSheet();
    expectFailure(await put(sheet.id, 'approve'), 400, /cannot be approved: its status is "pending"/);
    expectSuccess(await put(sheet.id, 'submit'));
    const body = expectSuccess(await put(sheet.id, 'approve', 'demo-manager'));
    expect(body.message).toBe('Timesheet approved successfully');
    expect(body.data.status).toBe('approved');
    const approved = expectSuccess(
      await call(sim, 'GET', '/timesheets', { query: { ...ws, status: 'approved', per_page: 100 } }),
    );
    expect(approved.data.map((t: any) => t.id)).toContain(sheet.id);
    expect(sim.state.timesheets.get(sheet.id)!.reviewedBy).toBe(userIdOf(sim, 'demo-manager'));
    expectFailure(await put(sheet.id, 'approve'), 400, /its status is "approved"/);
    expectFailure(await put(sheet.id, 'submit'), 400, /its status is "approved"/);
  });

  it('403 for a Regular User, even on their own timesheet', async () => {
    const me = userIdOf(sim, 'demo-member');
    const sheet = sheetsOf(1).find((t) => t.userId === me)!;
    expectFailure(await put(sheet.id, 'approve', 'demo-member'), 403, /approve timesheets/);
  });
});

describe('PUT /timesheets/{timesheetId}/reject', () => {
  it('needs a reason, rejects a submitted timesheet, and allows resubmission', async () => {
    const sheet = freshSheet();
    expectSuccess(await put(sheet.id, 'submit'));
    expectFailure(await put(sheet.id, 'reject'), 400, /reason is required/);
    expect(sim.state.timesheets.get(sheet.id)!.status).toBe('submitted');
    const reason = 'Please correct the hours for Monday';
    const body = expectSuccess(await put(sheet.id, 'reject', 'demo-owner', { reason }));
    expect(body.message).toBe('Timesheet rejected successfully');
    expect(body.data).toMatchObject({ status: 'rejected', reject_reason: reason });
    expectFailure(await put(sheet.id, 'reject', 'demo-owner', { reason }), 400, /its status is "rejected"/);
    const resubmitted = expectSuccess(await put(sheet.id, 'submit'));
    expect(resubmitted.data).toMatchObject({ status: 'submitted', reject_reason: null });
  });

  it('403 for a Regular User; 422 for a non-string reason', async () => {
    const sheet = freshSheet();
    expectSuccess(await put(sheet.id, 'submit'));
    expectFailure(await put(sheet.id, 'reject', 'demo-member', { reason: 'x' }), 403);
    expectFailure(
      await put(sheet.id, 'reject', 'demo-owner', { reason: 42 }),
      422,
      /reason must be a string/,
    );
    expect(sim.state.timesheets.get(sheet.id)!.status).toBe('submitted');
  });
});
