import { addDays } from '../../src/simulator/state/time.js';
import {
  call,
  expectFailure,
  expectSuccess,
  startTestSimulator,
  type SimulatorHandle,
} from '../support/sim-client.js';

/**
 * Reads under both profiles: pagination blocks, `project_id` on task operations, the timesheet
 * draft status, viewer id types, leave policy ids and fields, and the daily timeline's offset.
 */

let lenient: SimulatorHandle;
let exact: SimulatorHandle;
beforeAll(async () => {
  [lenient, exact] = await Promise.all([
    startTestSimulator({ profile: 'lenient' }),
    startTestSimulator({ profile: 'docs-exact' }),
  ]);
});
afterAll(async () => {
  await Promise.all([lenient.close(), exact.close()]);
});

const ws = { workspace_id: 1 };
const today = new Date().toISOString().slice(0, 10);
const get = (sim: SimulatorHandle, path: string, query: Record<string, string | number> = {}) =>
  call(sim, 'GET', path, { query: { ...ws, ...query } });

/** The same seed in both simulators: ids picked from one are valid in the other. */
function busyTask(sim: SimulatorHandle) {
  return [...sim.state.tasks.values()].find((t) => t.workspaceId === 1 && t.assigneeIds.length > 0)!;
}
function entryDay(sim: SimulatorHandle) {
  const entry = [...sim.state.timeEntries.values()].find((e) => e.workspaceId === 1)!;
  return { userId: entry.userId, date: entry.start.slice(0, 10) };
}

describe('meta.pagination', () => {
  const documented = (sim: SimulatorHandle): Array<[string, Record<string, string | number>]> => [
    ['/workspaces', {}],
    ['/members', {}],
    ['/time-entries', { user_id: entryDay(sim).userId, date: entryDay(sim).date }],
    ['/webhooks', {}],
  ];
  const undocumented = (sim: SimulatorHandle): Array<[string, Record<string, string | number>]> => [
    ['/projects', {}],
    ['/tasks', { project_id: busyTask(sim).projectId }],
    [`/tasks/${busyTask(sim).id}/assignees`, { project_id: busyTask(sim).projectId }],
    ['/project-viewers', {}],
    ['/timesheets', {}],
    ['/time-requests', {}],
    ['/leaves', {}],
    ['/leaves/balances', { date_from: addDays(today, -30), date_to: today }],
    ['/leaves/policies', {}],
    ['/expenses', {}],
    ['/expenses/categories', {}],
    ['/reports/daily-timeline', { date: today }],
    ['/reports/daily-attendance', { date: today }],
    ['/reports/activity-level', { start_date: addDays(today, -6), end_date: today }],
    ['/reports/task-report', { start_date: addDays(today, -6), end_date: today }],
    ['/reports/activity-descriptions', { start_date: addDays(today, -6), end_date: today }],
  ];

  it('lists the docs show it on (workspaces, members, time entries, webhooks) carry it in both profiles', async () => {
    for (const sim of [lenient, exact]) {
      for (const [path, query] of documented(sim)) {
        const body = expectSuccess(await get(sim, path, query));
        expect({ path, pagination: body.meta.pagination }).toEqual({
          path,
          pagination: expect.objectContaining({ total: expect.any(Number), last_page: expect.any(Number) }),
        });
      }
    }
  });

  it('other lists: lenient adds it, docs-exact does not', async () => {
    for (const [path, query] of undocumented(lenient)) {
      const withBlock = expectSuccess(await get(lenient, path, query));
      expect({ path, has: 'pagination' in withBlock.meta }).toEqual({ path, has: true });
      const without = expectSuccess(await get(exact, path, query));
      expect({ path, has: 'pagination' in without.meta }).toEqual({ path, has: false });
    }
  });

  it('contracts: the documented top-level block in both, meta.pagination only in lenient', async () => {
    const loose = expectSuccess(await get(lenient, '/contracts'));
    const strict = expectSuccess(await get(exact, '/contracts'));
    expect(loose.pagination).toEqual(strict.pagination);
    expect(strict.pagination).toMatchObject({ current_page: 1, per_page: 20 });
    expect(loose.meta.pagination).toBeDefined();
    expect(strict.meta.pagination).toBeUndefined();
  });

  it('docs-exact still pages without the block: per_page and page apply, past the end is empty', async () => {
    const page2 = expectSuccess(await get(exact, '/projects', { per_page: 5, page: 2 }));
    const all = expectSuccess(await get(exact, '/projects', { per_page: 100 }));
    expect(page2.data).toEqual(all.data.slice(5, 10));
    expect(expectSuccess(await get(exact, '/projects', { page: 99 })).data).toEqual([]);
    expectFailure(
      await get(exact, '/projects', { per_page: 101 }),
      422,
      /per_page must be between 1 and 100/,
    );
  });
});

describe('project_id on task operations', () => {
  it('lenient: optional on GET /tasks, GET /tasks/{id} and assign/unassign', async () => {
    const task = busyTask(lenient);
    const everyProject = expectSuccess(await get(lenient, '/tasks', { per_page: 100 }));
    expect(new Set(everyProject.data.map((t: any) => t.project_id)).size).toBeGreaterThan(1);
    expectSuccess(await get(lenient, `/tasks/${task.id}`));
    const userId = task.assigneeIds[0]!;
    expectSuccess(await call(lenient, 'DELETE', `/tasks/${task.id}/unassign/${userId}`, { body: ws }));
    expectSuccess(await call(lenient, 'POST', `/tasks/${task.id}/assign/${userId}`, { body: ws }));
  });

  it('docs-exact: required (400) on GET /tasks, the task-by-id reads and assign/unassign', async () => {
    const task = busyTask(exact);
    const userId = task.assigneeIds[0]!;
    const required = /^project_id is required$/;
    expectFailure(await get(exact, '/tasks'), 400, required);
    expectFailure(await get(exact, `/tasks/${task.id}`), 400, required);
    expectFailure(await get(exact, `/tasks/${task.id}/assignees`), 400, required);
    expectFailure(
      await call(exact, 'DELETE', `/tasks/${task.id}/unassign/${userId}`, { body: ws }),
      400,
      required,
    );
    expectFailure(
      await call(exact, 'POST', `/tasks/${task.id}/assign/${userId}`, { body: ws }),
      400,
      required,
    );
    expect(exact.state.tasks.get(task.id)!.assigneeIds).toContain(userId);
  });

  it('docs-exact: with project_id they work (assign and unassign answer data null)', async () => {
    const task = busyTask(exact);
    const userId = task.assigneeIds[0]!;
    const body = { ...ws, project_id: task.projectId };
    const list = expectSuccess(await get(exact, '/tasks', { project_id: task.projectId }));
    expect(list.data.every((t: any) => t.project_id === task.projectId)).toBe(true);
    expect(
      expectSuccess(await call(exact, 'DELETE', `/tasks/${task.id}/unassign/${userId}`, { body })).data,
    ).toBeNull();
    expect(
      expectSuccess(await call(exact, 'POST', `/tasks/${task.id}/assign/${userId}`, { body })).data,
    ).toBeNull();
  });
});

describe('timesheet draft status', () => {
  const statuses = async (sim: SimulatorHandle, query: Record<string, string> = {}) =>
    expectSuccess(await get(sim, '/timesheets', { per_page: 100, ...query })).data.map((t: any) => t.status);

  it('lenient names it "pending" (doc set A), docs-exact "open" (doc set B)', async () => {
    expect(await statuses(lenient)).toContain('pending');
    expect(await statuses(lenient)).not.toContain('open');
    expect(await statuses(exact)).toContain('open');
    expect(await statuses(exact)).not.toContain('pending');
  });

  it('both profiles filter by either name', async () => {
    for (const sim of [lenient, exact]) {
      const pending = await statuses(sim, { status: 'pending' });
      expect(pending.length).toBeGreaterThan(0);
      expect(await statuses(sim, { status: 'open' })).toEqual(pending);
    }
  });

  it("a refused move names the status in the profile's word", async () => {
    const sheet = [...exact.state.timesheets.values()].find(
      (t) => t.workspaceId === 1 && t.status === 'pending',
    )!;
    const approve = (sim: SimulatorHandle) =>
      call(sim, 'PUT', `/timesheets/${sheet.id}/approve`, { body: ws });
    expectFailure(await approve(exact), 400, /its status is "open", expected "submitted"/);
    expectFailure(await approve(lenient), 400, /its status is "pending", expected "submitted"/);
  });
});

describe('project viewer ids', () => {
  it('lenient: integers (doc set B); docs-exact: strings (doc set A)', async () => {
    const loose = expectSuccess(await get(lenient, '/project-viewers')).data;
    const strict = expectSuccess(await get(exact, '/project-viewers')).data;
    expect(loose.length).toBeGreaterThan(0);
    expect(loose.every((v: any) => typeof v.id === 'number')).toBe(true);
    expect(strict.map((v: any) => v.id)).toEqual(loose.map((v: any) => String(v.id)));
    const one = expectSuccess(await get(exact, `/project-viewers/${strict[0].id}`)).data;
    expect(one.id).toBe(strict[0].id);
  });

  it('a non-numeric viewer id: 422 naming the parameter (lenient), no such viewer 404 (docs-exact)', async () => {
    expectFailure(await get(lenient, '/project-viewers/abc123'), 422, /viewerId must be an integer/);
    expectFailure(await get(exact, '/project-viewers/abc123'), 404, /No project viewer/);
  });
});

describe('leave policies and leaves', () => {
  const vacation = (sim: SimulatorHandle) =>
    [...sim.state.leavePolicies.values()].find((p) => p.workspaceId === 1 && p.name === 'Vacation')!;
  const requester = (sim: SimulatorHandle) =>
    sim.state.membersOf(1).find((m) => m.role === 'Regular User' && m.status === 'active')!.userId;
  const request = (sim: SimulatorHandle, policyId: unknown, start: string) =>
    call(sim, 'POST', '/leaves', {
      body: { ...ws, user_id: requester(sim), policy_id: policyId, start, end: start },
    });

  it('policy ids: UUID strings (lenient), integers (docs-exact)', async () => {
    const loose = expectSuccess(await get(lenient, '/leaves/policies')).data;
    const strict = expectSuccess(await get(exact, '/leaves/policies')).data;
    expect(loose.map((p: any) => p.id)).toEqual(
      [...lenient.state.leavePolicies.values()].filter((p) => p.workspaceId === 1).map((p) => p.id),
    );
    expect(strict.every((p: any) => Number.isInteger(p.id))).toBe(true);
    expect(strict.map((p: any) => p.name)).toEqual(loose.map((p: any) => p.name));
  });

  it("POST /leaves takes the profile's policy id", async () => {
    expectSuccess(await request(lenient, vacation(lenient).id, '2031-01-06'), 201);
    expectSuccess(await request(exact, vacation(exact).number, '2031-01-06'), 201);
  });

  it('POST /leaves refuses the other form: an unknown integer (404, lenient), a UUID (422, docs-exact)', async () => {
    expectFailure(await request(lenient, vacation(lenient).number, '2031-02-03'), 404, /No leave policy/);
    expectFailure(
      await request(exact, vacation(exact).id, '2031-02-03'),
      422,
      /policy_id must be an integer/,
    );
  });

  it('GET /leaves?policy_id= filters by the integer id in docs-exact', async () => {
    const policy = vacation(exact);
    const rows = expectSuccess(await get(exact, '/leaves', { policy_id: policy.number, per_page: 100 })).data;
    const expected = [...exact.state.leaves.values()]
      .filter((l) => l.policyId === policy.id)
      .map((l) => l.id);
    expect(rows.map((l: any) => l.id)).toEqual(expected);
    expectFailure(await get(exact, '/leaves', { policy_id: policy.id }), 422, /policy_id must be an integer/);
  });

  it('only documented fields in docs-exact: no policy_id/leave_type on leaves, no allowance on policies', async () => {
    const looseLeave = expectSuccess(await get(lenient, '/leaves')).data[0];
    const strictLeave = expectSuccess(await get(exact, '/leaves')).data[0];
    expect(looseLeave).toHaveProperty('policy_id');
    expect(looseLeave).toHaveProperty('leave_type');
    const keys = (row: object) => Object.keys(row).sort();
    expect(keys(strictLeave)).toEqual(
      keys(looseLeave).filter((k) => k !== 'policy_id' && k !== 'leave_type'),
    );
    expect(strictLeave.id).toBe(looseLeave.id);
    const strictPolicy = expectSuccess(await get(exact, '/leaves/policies')).data[0];
    expect(Object.keys(strictPolicy).sort()).toEqual(['id', 'is_paid', 'name', 'time_unit']);
  });
});

describe('time request fields', () => {
  it('lenient repeats notes as activity_description; docs-exact shows only §9.10 fields', async () => {
    const loose = expectSuccess(await get(lenient, '/time-requests')).data[0];
    const strict = expectSuccess(await get(exact, '/time-requests')).data[0];
    expect(loose.activity_description).toBe(loose.notes);
    // Keys only: the two simulators seeded their relative timestamps a moment apart.
    const keys = (row: object) => Object.keys(row).sort();
    expect(keys(strict)).toEqual(keys(loose).filter((k) => k !== 'activity_description'));
    expect(strict.id).toBe(loose.id);
  });
});

describe('daily timeline time zone', () => {
  // Asia/Yerevan is UTC+4 all year: a 22:00 UTC entry is 02:00 the next day there.
  const ZONE = 'Asia/Yerevan';
  const day = addDays(today, -3);

  async function lateEntry(sim: SimulatorHandle) {
    sim.state.users.get(sim.state.workspaces.get(1)!.ownerId)!.timezone = ZONE;
    const contract = sim.state
      .contractsOf(1)
      .find((c) => c.status === 'active' && sim.state.membership(1, c.userId)?.status === 'active')!;
    expectSuccess(
      await call(sim, 'POST', '/time-entries', {
        body: {
          ...ws,
          user_id: contract.userId,
          contract_id: contract.id,
          date: day,
          start_time: '22:00',
          end_time: '23:00',
        },
      }),
      201,
    );
    return contract.userId;
  }
  const timeline = async (sim: SimulatorHandle, date: string, userId: number) =>
    expectSuccess(await get(sim, '/reports/daily-timeline', { date, user_ids: userId })).data.flatMap(
      (row: any) => row.time_entries,
    );

  it('lenient: UTC times on the UTC date', async () => {
    const userId = await lateEntry(lenient);
    const entries = await timeline(lenient, day, userId);
    expect(entries).toContainEqual(
      expect.objectContaining({ start_time: `${day}T22:00:00+00:00`, end_time: `${day}T23:00:00+00:00` }),
    );
    expect(entries.every((e: any) => e.start_time.endsWith('+00:00'))).toBe(true);
  });

  it("docs-exact: the owner's offset, and the date is the owner's date", async () => {
    const userId = await lateEntry(exact);
    const next = addDays(day, 1);
    const late = { start_time: `${next}T02:00:00+04:00`, end_time: `${next}T03:00:00+04:00` };
    expect(await timeline(exact, next, userId)).toContainEqual(expect.objectContaining(late));
    const sameDay = await timeline(exact, day, userId);
    expect(sameDay).not.toContainEqual(expect.objectContaining(late));
    expect(sameDay.every((e: any) => e.start_time.startsWith(day) && e.start_time.endsWith('+04:00'))).toBe(
      true,
    );
  });

  it('both: a date outside the allowed year is a 422', async () => {
    for (const sim of [lenient, exact]) {
      expectFailure(
        await get(sim, '/reports/daily-timeline', { date: addDays(today, 400) }),
        422,
        /within the last year/,
      );
    }
  });
});
