import {
  call,
  expectFailure,
  expectSuccess,
  startTestSimulator,
  type SimulatorHandle,
  userIdOf,
} from '../support/sim-client.js';
import type { Leave } from '../../src/simulator/state/model.js';

let sim: SimulatorHandle;
beforeAll(async () => {
  // The union of both doc sets (`lenient`); docs-exact's differences: profile-*.test.ts.
  sim = await startTestSimulator({ profile: 'lenient' });
});
afterAll(() => sim.close());

const ws = { workspace_id: 1 };
const leavesOf = (workspaceId: number) =>
  [...sim.state.leaves.values()].filter((l) => l.workspaceId === workspaceId);
const policiesOf = (workspaceId: number) =>
  [...sim.state.leavePolicies.values()].filter((p) => p.workspaceId === workspaceId);
const vacation = () => policiesOf(1).find((p) => p.name === 'Vacation')!;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

/** Requests leave through the API (far from seeded dates) and returns the stored record. */
async function requestLeave(userId: number, start: string, end: string, extra: Record<string, unknown> = {}) {
  const before = new Set(sim.state.leaves.keys());
  expectSuccess(
    await call(sim, 'POST', '/leaves', {
      body: { ...ws, user_id: userId, policy_id: vacation().id, start, end, ...extra },
    }),
    201,
  );
  return [...sim.state.leaves.values()].find((l) => !before.has(l.id))!;
}

describe('GET /leaves', () => {
  it('lists every leave of the workspace for an Owner', async () => {
    const body = expectSuccess(await call(sim, 'GET', '/leaves', { query: { ...ws, per_page: 100 } }));
    expect(body.message).toBe('Leave requests retrieved successfully');
    expect(body.data.map((l: any) => l.id)).toEqual(leavesOf(1).map((l) => l.id));
    const record = leavesOf(1)[0]!;
    expect(body.data[0]).toEqual({
      id: record.id,
      user_id: record.userId,
      policy_id: record.policyId,
      leave_type: sim.state.leavePolicies.get(record.policyId!)!.name,
      status: record.status,
      note: record.note,
      is_paid: record.isPaid ? 'yes' : 'no',
      created_by: record.createdBy,
      approved_by: record.approvedBy,
      rejected_by: record.rejectedBy,
      reject_reason: record.rejectReason,
      start_date: record.startDate,
      end_date: record.endDate,
      created_on: record.createdOn,
      total: {
        days: days(record.startDate, record.endDate),
        hours: days(record.startDate, record.endDate) * 8,
      },
    });
  });

  it('filters by status, is_paid, policy_id, user_id, id and overlapping dates', async () => {
    const sample = leavesOf(1)[1]!;
    const cases: Array<[Record<string, string | number>, (l: Leave) => boolean]> = [
      [{ status: 'rejected' }, (l) => l.status === 'rejected'],
      [{ is_paid: 'no' }, (l) => !l.isPaid],
      [{ policy_id: sample.policyId! }, (l) => l.policyId === sample.policyId],
      [{ user_id: sample.userId }, (l) => l.userId === sample.userId],
      [{ id: sample.id }, (l) => l.id === sample.id],
      [
        { date_from: sample.endDate, date_to: sample.endDate },
        (l) => l.startDate <= sample.endDate && l.endDate >= sample.endDate,
      ],
    ];
    for (const [filter, keep] of cases) {
      const body = expectSuccess(
        await call(sim, 'GET', '/leaves', { query: { ...ws, ...filter, per_page: 100 } }),
      );
      const expected = leavesOf(1)
        .filter(keep)
        .map((l) => l.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(body.data.map((l: any) => l.id)).toEqual(expected);
    }
  });

  it('shows a Regular User only their own leaves', async () => {
    const me = userIdOf(sim, 'demo-member');
    await requestLeave(me, '2030-01-07', '2030-01-08');
    const body = expectSuccess(await call(sim, 'GET', '/leaves', { query: ws, token: 'demo-member' }));
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.map((l: any) => l.id)).toEqual(
      leavesOf(1)
        .filter((l) => l.userId === me)
        .map((l) => l.id),
    );
  });

  it('400 without workspace_id; 422 for bad filters; 403 outside the workspace', async () => {
    expectFailure(await call(sim, 'GET', '/leaves'), 400, /workspace_id is required/);
    expectFailure(await call(sim, 'GET', '/leaves', { query: { ...ws, is_paid: 'maybe' } }), 422, /is_paid/);
    expectFailure(await call(sim, 'GET', '/leaves', { query: { ...ws, status: 'open' } }), 422, /status/);
    expectFailure(await call(sim, 'GET', '/leaves', { query: ws, token: 'demo-owner-2' }), 403);
  });
});

describe('POST /leaves', () => {
  it('creates a pending leave (201, no data) that later reads show', async () => {
    const me = userIdOf(sim, 'demo-member');
    const res = await call(sim, 'POST', '/leaves', {
      token: 'demo-member',
      body: {
        ...ws,
        user_id: me,
        policy_id: vacation().id,
        start: '2030-02-11',
        end: '2030-02-13',
        reason: 'I will be out of office',
      },
    });
    const body = expectSuccess(res, 201);
    expect(body).not.toHaveProperty('data');
    expect(body.message).toBe('Leave request created successfully');
    const list = expectSuccess(
      await call(sim, 'GET', '/leaves', {
        query: { ...ws, user_id: me, date_from: '2030-02-11', date_to: '2030-02-13' },
      }),
    );
    expect(list.data).toEqual([
      expect.objectContaining({
        user_id: me,
        status: 'pending',
        note: 'I will be out of office',
        is_paid: 'yes',
        leave_type: 'Vacation',
        created_by: me,
        start_date: '2030-02-11',
        end_date: '2030-02-13',
        total: { days: 3, hours: 24 },
      }),
    ]);
  });

  it('400 for missing fields or an overlapping leave; 422 for bad dates; 404 for an unknown policy', async () => {
    const me = userIdOf(sim, 'demo-member');
    const base = { ...ws, user_id: me, policy_id: vacation().id, start: '2030-03-04', end: '2030-03-05' };
    expectFailure(
      await call(sim, 'POST', '/leaves', { body: { ...base, policy_id: undefined } }),
      400,
      /policy_id is required/,
    );
    expectFailure(
      await call(sim, 'POST', '/leaves', { body: { ...base, user_id: undefined } }),
      400,
      /user_id is required/,
    );
    expectFailure(
      await call(sim, 'POST', '/leaves', { body: { ...base, end: '2030-03-01' } }),
      422,
      /end must be on or after start/,
    );
    expectFailure(
      await call(sim, 'POST', '/leaves', { body: { ...base, start: '04.03.2030' } }),
      422,
      /start must be a date/,
    );
    expectFailure(
      await call(sim, 'POST', '/leaves', { body: { ...base, start_time: '9am' } }),
      422,
      /start_time must be a time/,
    );
    expectFailure(
      await call(sim, 'POST', '/leaves', { body: { ...base, leave_period: 3 } }),
      422,
      /leave_period/,
    );
    expectFailure(
      await call(sim, 'POST', '/leaves', { body: { ...base, policy_id: 'nope' } }),
      404,
      /No leave policy/,
    );
    expectFailure(
      await call(sim, 'POST', '/leaves', { body: { ...base, policy_id: policiesOf(2)[0]!.id } }),
      404,
      /No leave policy/,
    );
    await requestLeave(me, '2030-03-04', '2030-03-05');
    expectFailure(
      await call(sim, 'POST', '/leaves', { body: { ...base, start: '2030-03-05', end: '2030-03-06' } }),
      400,
      /overlaps/,
    );
  });

  it('403 when a Regular User requests leave for someone else, or for a project viewer', async () => {
    const before = sim.state.leaves.size;
    expectFailure(
      await call(sim, 'POST', '/leaves', {
        token: 'demo-member',
        body: {
          ...ws,
          user_id: userIdOf(sim, 'demo-manager'),
          policy_id: vacation().id,
          start: '2030-04-01',
          end: '2030-04-01',
        },
      }),
      403,
      /your own user_id/,
    );
    const viewer = sim.state.membersOf(1).find((m) => m.role === 'Project viewer')!.userId;
    expectFailure(
      await call(sim, 'POST', '/leaves', {
        token: `demo-user-${viewer}`,
        body: { ...ws, user_id: viewer, policy_id: vacation().id, start: '2030-04-01', end: '2030-04-01' },
      }),
      403,
      /Project viewers/,
    );
    expect(sim.state.leaves.size).toBe(before);
  });
});

describe('PUT /leaves/{leaveId}/approve', () => {
  it('approves a pending leave once (PUT or POST); a second decision is a 400', async () => {
    const leave = await requestLeave(userIdOf(sim, 'demo-manager'), '2030-05-06', '2030-05-07');
    const body = expectSuccess(await call(sim, 'PUT', `/leaves/${leave.id}/approve`, { body: ws }));
    expect(body.message).toBe('Leave request approved successfully');
    expect(body.data).toMatchObject({
      id: leave.id,
      status: 'approved',
      approved_by: userIdOf(sim, 'demo-owner'),
    });
    const list = expectSuccess(await call(sim, 'GET', '/leaves', { query: { ...ws, id: leave.id } }));
    expect(list.data[0].status).toBe('approved');
    expectFailure(
      await call(sim, 'PUT', `/leaves/${leave.id}/approve`, { body: ws }),
      400,
      /already approved/,
    );
    expectFailure(
      await call(sim, 'PUT', `/leaves/${leave.id}/reject`, { body: { ...ws, reason: 'x' } }),
      400,
      /already approved/,
    );
    const other = await requestLeave(userIdOf(sim, 'demo-manager'), '2030-05-13', '2030-05-13');
    expect(
      expectSuccess(await call(sim, 'POST', `/leaves/${other.id}/approve`, { body: ws })).data.status,
    ).toBe('approved');
  });

  it('403 for a Regular User; 404 for unknown ids and other workspaces', async () => {
    const leave = await requestLeave(userIdOf(sim, 'demo-member'), '2030-06-03', '2030-06-03');
    expectFailure(
      await call(sim, 'PUT', `/leaves/${leave.id}/approve`, { token: 'demo-member', body: ws }),
      403,
      /approve leave requests/,
    );
    expect(sim.state.leaves.get(leave.id)!.status).toBe('pending');
    expectFailure(await call(sim, 'PUT', '/leaves/nope/approve', { body: ws }), 404, /No leave request/);
    expectFailure(await call(sim, 'PUT', `/leaves/${leavesOf(2)[0]!.id}/approve`, { body: ws }), 404);
  });
});

describe('PUT /leaves/{leaveId}/reject', () => {
  it('requires a reason and rejects once', async () => {
    const leave = await requestLeave(userIdOf(sim, 'demo-member'), '2030-07-01', '2030-07-02');
    expectFailure(
      await call(sim, 'PUT', `/leaves/${leave.id}/reject`, { body: ws }),
      400,
      /reason is required/,
    );
    expect(sim.state.leaves.get(leave.id)!.status).toBe('pending');
    const body = expectSuccess(
      await call(sim, 'PUT', `/leaves/${leave.id}/reject`, {
        token: 'demo-manager',
        body: { ...ws, reason: 'Insufficient leave balance' },
      }),
    );
    expect(body.message).toBe('Leave request rejected successfully');
    expect(body.data).toMatchObject({
      status: 'rejected',
      rejected_by: userIdOf(sim, 'demo-manager'),
      reject_reason: 'Insufficient leave balance',
    });
    expectFailure(
      await call(sim, 'POST', `/leaves/${leave.id}/reject`, { body: { ...ws, reason: 'again' } }),
      400,
      /already rejected/,
    );
  });

  it('403 for a Regular User', async () => {
    const leave = await requestLeave(userIdOf(sim, 'demo-member'), '2030-07-08', '2030-07-08');
    expectFailure(
      await call(sim, 'PUT', `/leaves/${leave.id}/reject`, {
        token: 'demo-member',
        body: { ...ws, reason: 'no' },
      }),
      403,
    );
  });
});

describe('GET /leaves/balances', () => {
  const range = { date_from: '2031-01-01', date_to: '2031-12-31' };

  it('computes per-member balances from policies and approved leaves', async () => {
    const me = userIdOf(sim, 'demo-member');
    const user = sim.state.users.get(me)!;
    const allowance = policiesOf(1).filter((p) => p.daysPerYear > 0);
    const before = expectSuccess(
      await call(sim, 'GET', '/leaves/balances', { query: { ...ws, ...range, user_id: me } }),
    );
    expect(before.data).toEqual([
      {
        user_id: me,
        user_name: `${user.firstname} ${user.lastname}`,
        leave_information: allowance.map((p) => ({ leave_type: p.name, balance: `${p.daysPerYear} days` })),
        total_balance: `${allowance.reduce((s, p) => s + p.daysPerYear, 0)} days`,
      },
    ]);
    // Three approved vacation days (one of them outside the range) and one pending day.
    const approved = await requestLeave(me, '2030-12-31', '2031-01-02');
    expectSuccess(await call(sim, 'PUT', `/leaves/${approved.id}/approve`, { body: ws }));
    await requestLeave(me, '2031-02-03', '2031-02-03');
    const after = expectSuccess(
      await call(sim, 'GET', '/leaves/balances', { query: { ...ws, ...range, user_id: me } }),
    );
    const vacationRow = after.data[0].leave_information.find((i: any) => i.leave_type === 'Vacation');
    expect(vacationRow.balance).toBe(`${vacation().daysPerYear - 2} days`);
    expect(after.data[0].total_balance).toBe(`${allowance.reduce((s, p) => s + p.daysPerYear, 0) - 2} days`);
  });

  it('lists working members for an Owner, only themselves for a Regular User', async () => {
    const all = expectSuccess(
      await call(sim, 'GET', '/leaves/balances', { query: { ...ws, ...range, per_page: 100 } }),
    );
    const expected = sim.state
      .membersOf(1)
      .filter((m) => m.role !== 'Project viewer' && m.status !== 'left')
      .map((m) => m.userId);
    expect(all.data.map((b: any) => b.user_id)).toEqual(expected);
    const mine = expectSuccess(
      await call(sim, 'GET', '/leaves/balances', { query: { ...ws, ...range }, token: 'demo-member' }),
    );
    expect(mine.data.map((b: any) => b.user_id)).toEqual([userIdOf(sim, 'demo-member')]);
  });

  it('400 without the date range; 422 for a reversed range; 404 for an unknown user_id', async () => {
    expectFailure(
      await call(sim, 'GET', '/leaves/balances', { query: { ...ws, date_to: '2031-12-31' } }),
      400,
      /date_from is required/,
    );
    expectFailure(
      await call(sim, 'GET', '/leaves/balances', {
        query: { ...ws, date_from: '2031-12-31', date_to: '2031-01-01' },
      }),
      422,
      /date_to must be on or after date_from/,
    );
    expectFailure(
      await call(sim, 'GET', '/leaves/balances', { query: { ...ws, ...range, user_id: 99999 } }),
      404,
    );
    expectFailure(await call(sim, 'GET', '/leaves/balances', { query: range }), 400, /workspace_id/);
  });
});

describe('GET /leaves/policies', () => {
  it('lists the workspace policies', async () => {
    const body = expectSuccess(
      await call(sim, 'GET', '/leaves/policies', { query: ws, token: 'demo-member' }),
    );
    expect(body.data).toEqual(
      policiesOf(1).map((p) => ({
        id: p.id,
        name: p.name,
        is_paid: p.isPaid ? 'yes' : 'no',
        time_unit: 'days',
        days_per_year: p.daysPerYear,
        hours_per_day: 8,
      })),
    );
  });

  it('400 without workspace_id; 403 outside the workspace', async () => {
    expectFailure(await call(sim, 'GET', '/leaves/policies'), 400, /workspace_id is required/);
    expectFailure(await call(sim, 'GET', '/leaves/policies', { query: ws, token: 'demo-owner-2' }), 403);
  });
});
