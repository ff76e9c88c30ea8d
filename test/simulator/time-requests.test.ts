import {
  call,
  expectFailure,
  expectSuccess,
  startTestSimulator,
  type SimulatorHandle,
  userIdOf,
} from '../support/sim-client.js';
import type { TimeRequest } from '../../src/simulator/state/model.js';

let sim: SimulatorHandle;
beforeAll(async () => {
  // The union of both doc sets (`lenient`); docs-exact's differences: profile-*.test.ts.
  sim = await startTestSimulator({ profile: 'lenient' });
});
afterAll(() => sim.close());

const ws = { workspace_id: 1 };
const requestsOf = (workspaceId: number) =>
  [...sim.state.timeRequests.values()].filter((r) => r.workspaceId === workspaceId);
const contractOf = (userId: number) =>
  [...sim.state.contracts.values()].find((c) => c.userId === userId && c.workspaceId === 1)!;

/** A new pending request for the demo member (via the API), so decisions do not consume seeds. */
async function newRequest(day = '2024-03-04') {
  const me = userIdOf(sim, 'demo-member');
  const body = expectSuccess(
    await call(sim, 'POST', '/time-requests', {
      body: {
        ...ws,
        user_id: me,
        contract_id: contractOf(me).id,
        start: `${day}T09:00:00Z`,
        end: `${day}T11:15:00Z`,
      },
    }),
    201,
  );
  return body.data;
}

describe('GET /time-requests', () => {
  it('lists every request of the workspace for an Owner', async () => {
    const body = expectSuccess(await call(sim, 'GET', '/time-requests', { query: { ...ws, per_page: 100 } }));
    expect(body.message).toBe('Time requests retrieved successfully');
    expect(body.data.map((r: any) => r.id)).toEqual(requestsOf(1).map((r) => r.id));
    const record = requestsOf(1)[0]!;
    expect(body.data[0]).toEqual({
      id: record.id,
      user_id: record.userId,
      contract_id: record.contractId,
      project_id: record.projectId,
      task_id: record.taskId,
      start: record.start,
      end: record.end,
      status: record.status,
      notes: record.notes,
      activity_description: record.notes,
      comment: record.comment,
      updated_by: record.updatedBy,
      created_at: record.createdAt,
      updated_at: record.updatedAt,
    });
  });

  it('filters by status, user_id, project_id, id and date range (dates optional)', async () => {
    const sample = requestsOf(1)[4]!;
    const cases: Array<[Record<string, string | number>, (r: TimeRequest) => boolean]> = [
      [{ status: 'approved' }, (r) => r.status === 'approved'],
      [{ user_id: sample.userId }, (r) => r.userId === sample.userId],
      [{ project_id: sample.projectId! }, (r) => r.projectId === sample.projectId],
      [{ id: sample.id }, (r) => r.id === sample.id],
      [
        { date_from: sample.start.slice(0, 10), date_to: sample.start.slice(0, 10) },
        (r) => r.start.slice(0, 10) === sample.start.slice(0, 10),
      ],
    ];
    for (const [filter, keep] of cases) {
      const body = expectSuccess(
        await call(sim, 'GET', '/time-requests', { query: { ...ws, ...filter, per_page: 100 } }),
      );
      const expected = requestsOf(1)
        .filter(keep)
        .map((r) => r.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(body.data.map((r: any) => r.id)).toEqual(expected);
    }
  });

  it('shows a Regular User only their own requests', async () => {
    const me = userIdOf(sim, 'demo-member');
    const body = expectSuccess(await call(sim, 'GET', '/time-requests', { query: ws, token: 'demo-member' }));
    expect(body.data.map((r: any) => r.id)).toEqual(
      requestsOf(1)
        .filter((r) => r.userId === me)
        .map((r) => r.id),
    );
  });

  it('400 without workspace_id; 422 for bad filters; 403 outside the workspace', async () => {
    expectFailure(await call(sim, 'GET', '/time-requests'), 400, /workspace_id is required/);
    expectFailure(
      await call(sim, 'GET', '/time-requests', {
        query: { ...ws, date_from: '2024-02-01', date_to: '2024-01-01' },
      }),
      422,
      /date_to must be on or after date_from/,
    );
    expectFailure(
      await call(sim, 'GET', '/time-requests', { query: { ...ws, date_from: '01/02/2024' } }),
      422,
      /Y-m-d/,
    );
    expectFailure(
      await call(sim, 'GET', '/time-requests', { query: { ...ws, status: 'open' } }),
      422,
      /status/,
    );
    expectFailure(await call(sim, 'GET', '/time-requests', { query: ws, token: 'demo-owner-2' }), 403);
  });
});

describe('POST /time-requests', () => {
  it('creates a pending request (201) returning the full object, visible to later reads', async () => {
    const me = userIdOf(sim, 'demo-member');
    const contract = contractOf(me);
    const res = await call(sim, 'POST', '/time-requests', {
      token: 'demo-manager',
      body: {
        ...ws,
        user_id: me,
        contract_id: contract.id,
        start: '2024-01-15T09:00:00Z',
        end: '2024-01-15T17:00:00Z',
        notes: 'Working on project documentation',
      },
    });
    const body = expectSuccess(res, 201);
    expect(body.message).toBe('Time request created successfully');
    expect(body.data).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: 'pending',
      user_id: me,
      contract_id: contract.id,
      project_id: contract.projectId,
      task_id: null,
      start: '2024-01-15T09:00:00Z',
      end: '2024-01-15T17:00:00Z',
      notes: 'Working on project documentation',
      comment: null,
      updated_by: null,
    });
    const read = expectSuccess(await call(sim, 'GET', `/time-requests/${body.data.id}`, { query: ws }));
    expect(read.data).toEqual(body.data);
  });

  it('accepts doc set A bodies: no contract, activity_description, a Regular User for themselves', async () => {
    const me = userIdOf(sim, 'demo-member');
    const body = expectSuccess(
      await call(sim, 'POST', '/time-requests', {
        token: 'demo-member',
        body: {
          ...ws,
          user_id: me,
          start: '2024-01-16T09:00:00+02:00',
          end: '2024-01-16T10:00:00+02:00',
          activity_description: 'Forgot the tracker',
        },
      }),
      201,
    );
    expect(body.data).toMatchObject({
      user_id: me,
      contract_id: null,
      project_id: null,
      start: '2024-01-16T07:00:00Z',
      notes: 'Forgot the tracker',
      activity_description: 'Forgot the tracker',
    });
  });

  it('422 when end is not after start or the contract is not the user’s; 400 for missing input', async () => {
    const me = userIdOf(sim, 'demo-member');
    const start = '2024-01-15T09:00:00Z';
    expectFailure(
      await call(sim, 'POST', '/time-requests', { body: { ...ws, user_id: me, start, end: start } }),
      422,
      /end must be after start/,
    );
    const otherContract = [...sim.state.contracts.values()].find(
      (c) => c.workspaceId === 1 && c.userId !== me,
    )!;
    expectFailure(
      await call(sim, 'POST', '/time-requests', {
        body: { ...ws, user_id: me, contract_id: otherContract.id, start, end: '2024-01-15T10:00:00Z' },
      }),
      422,
      new RegExp(`contract_id ${otherContract.id} belongs to user ${otherContract.userId}`),
    );
    expectFailure(
      await call(sim, 'POST', '/time-requests', { body: { ...ws, start, end: '2024-01-15T10:00:00Z' } }),
      400,
      /user_id is required/,
    );
    expectFailure(
      await call(sim, 'POST', '/time-requests', {
        body: { ...ws, user_id: me, end: '2024-01-15T10:00:00Z' },
      }),
      400,
      /start is required/,
    );
    expectFailure(
      await call(sim, 'POST', '/time-requests', {
        body: { ...ws, user_id: me, start: 'yesterday', end: start },
      }),
      422,
      /start must be an ISO 8601/,
    );
    expectFailure(
      await call(sim, 'POST', '/time-requests', {
        body: { ...ws, user_id: me, contract_id: 4999, start, end: '2024-01-15T10:00:00Z' },
      }),
      404,
      /No contract with id 4999/,
    );
    const contract = contractOf(me);
    const task = [...sim.state.tasks.values()].find(
      (t) => t.workspaceId === 1 && t.projectId !== contract.projectId,
    )!;
    expectFailure(
      await call(sim, 'POST', '/time-requests', {
        body: {
          ...ws,
          user_id: me,
          contract_id: contract.id,
          task_id: task.id,
          start,
          end: '2024-01-15T10:00:00Z',
        },
      }),
      422,
      new RegExp(`task_id ${task.id} belongs to project ${task.projectId}`),
    );
  });

  it('403 when a Regular User asks for someone else', async () => {
    const other = userIdOf(sim, 'demo-manager');
    const before = requestsOf(1).length;
    expectFailure(
      await call(sim, 'POST', '/time-requests', {
        token: 'demo-member',
        body: { ...ws, user_id: other, start: '2024-01-15T09:00:00Z', end: '2024-01-15T10:00:00Z' },
      }),
      403,
      /your own user_id/,
    );
    expect(requestsOf(1).length).toBe(before);
  });
});

describe('GET /time-requests/{id}', () => {
  it('returns one request', async () => {
    const record = requestsOf(1)[2]!;
    const body = expectSuccess(await call(sim, 'GET', `/time-requests/${record.id}`, { query: ws }));
    expect(body.data).toMatchObject({ id: record.id, user_id: record.userId, status: record.status });
  });

  it("404 for unknown ids and other workspaces' requests; 403 for someone else's as a Regular User", async () => {
    expectFailure(
      await call(sim, 'GET', '/time-requests/nope', { query: ws }),
      404,
      /No time request with id "nope"/,
    );
    expectFailure(await call(sim, 'GET', `/time-requests/${requestsOf(2)[0]!.id}`, { query: ws }), 404);
    const me = userIdOf(sim, 'demo-member');
    const other = requestsOf(1).find((r) => r.userId !== me)!;
    expectFailure(
      await call(sim, 'GET', `/time-requests/${other.id}`, { query: ws, token: 'demo-member' }),
      403,
    );
  });
});

describe('POST /time-requests/{timeRequestId}/approve', () => {
  it('approves once, adding a "Manually added time" entry; a second decision is a 400', async () => {
    const created = await newRequest();
    const body = expectSuccess(
      await call(sim, 'POST', `/time-requests/${created.id}/approve`, { token: 'demo-manager', body: ws }),
    );
    expect(body.message).toBe('Time request approved successfully');
    expect(body.data).toMatchObject({
      id: created.id,
      status: 'approved',
      updated_by: userIdOf(sim, 'demo-manager'),
    });
    const entry = sim.state.timeEntries.get(body.data.time_entry_id)!;
    expect(entry).toMatchObject({
      userId: created.user_id,
      contractId: created.contract_id,
      projectId: created.project_id,
      method: 'Manually added time',
      start: created.start,
      end: created.end,
    });
    const read = expectSuccess(await call(sim, 'GET', `/time-requests/${created.id}`, { query: ws }));
    expect(read.data.status).toBe('approved');
    expectFailure(
      await call(sim, 'POST', `/time-requests/${created.id}/approve`, { body: ws }),
      400,
      /already approved/,
    );
    expectFailure(
      await call(sim, 'POST', `/time-requests/${created.id}/reject`, { body: { ...ws, comment: 'x' } }),
      400,
      /already approved/,
    );
  });

  it('accepts PUT as well (MindCloud)', async () => {
    const created = await newRequest('2024-03-05');
    const body = expectSuccess(await call(sim, 'PUT', `/time-requests/${created.id}/approve`, { body: ws }));
    expect(body.data.status).toBe('approved');
  });

  it('403 for a Regular User; 404 for an unknown id', async () => {
    const created = await newRequest('2024-03-06');
    expectFailure(
      await call(sim, 'POST', `/time-requests/${created.id}/approve`, { token: 'demo-member', body: ws }),
      403,
      /approve time requests/,
    );
    expect(sim.state.timeRequests.get(created.id)!.status).toBe('pending');
    expectFailure(await call(sim, 'POST', '/time-requests/nope/approve', { body: ws }), 404);
  });
});

describe('POST /time-requests/{timeRequestId}/reject', () => {
  it('requires a comment, rejects once, and adds no time', async () => {
    const created = await newRequest('2024-03-07');
    const entries = sim.state.timeEntries.size;
    expectFailure(
      await call(sim, 'POST', `/time-requests/${created.id}/reject`, { body: ws }),
      400,
      /comment is required/,
    );
    expect(sim.state.timeRequests.get(created.id)!.status).toBe('pending');
    const body = expectSuccess(
      await call(sim, 'POST', `/time-requests/${created.id}/reject`, {
        body: { ...ws, comment: 'Time entry conflicts with project schedule' },
      }),
    );
    expect(body.message).toBe('Time request rejected successfully');
    expect(body.data).toMatchObject({
      status: 'rejected',
      comment: 'Time entry conflicts with project schedule',
      updated_by: userIdOf(sim, 'demo-owner'),
    });
    expect(sim.state.timeEntries.size).toBe(entries);
    expectFailure(
      await call(sim, 'PUT', `/time-requests/${created.id}/reject`, { body: { ...ws, comment: 'again' } }),
      400,
      /already rejected/,
    );
  });

  it('403 for a Regular User', async () => {
    const created = await newRequest('2024-03-08');
    expectFailure(
      await call(sim, 'POST', `/time-requests/${created.id}/reject`, {
        token: 'demo-member',
        body: { ...ws, comment: 'no' },
      }),
      403,
    );
  });
});
