import {
  call,
  expectFailure,
  expectSuccess,
  startTestSimulator,
  type SimulatorHandle,
} from '../support/sim-client.js';

let sim: SimulatorHandle;

const ymd = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (date: string, n: number) => ymd(new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000));

/** A Wednesday about 100 days ago: inside the daily-timeline window, before any seeded history. */
const D = (() => {
  let d = addDays(ymd(new Date()), -100);
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 3) d = addDays(d, -1);
  return d;
})();

let worker: {
  userId: number;
  contractId: number;
  projectId: number;
  rate: number;
  taskId: number;
  taskTitle: string;
};

beforeAll(async () => {
  // The union of both doc sets (`lenient`); docs-exact's differences: profile-*.test.ts.
  sim = await startTestSimulator({ profile: 'lenient' });
  // A member with an active custom-rate contract on a billable project that has tasks.
  const s = sim.state;
  const contract = s
    .contractsOf(1)
    .find(
      (c) =>
        c.status === 'active' &&
        c.rateType === 1 &&
        s.membership(1, c.userId)!.status === 'active' &&
        s.projects.get(c.projectId)!.isBillable &&
        [...s.tasks.values()].some((t) => t.projectId === c.projectId),
    )!;
  const task = [...s.tasks.values()].find((t) => t.projectId === contract.projectId)!;
  worker = {
    userId: contract.userId,
    contractId: contract.id,
    projectId: contract.projectId,
    rate: contract.rate!,
    taskId: task.id,
    taskTitle: task.title,
  };
  // 09:30-12:00 on a task, 13:00-15:00 without one: 270 minutes, a one-hour break.
  for (const [start_time, end_time, task_id] of [
    ['09:30', '12:00', task.id],
    ['13:00', '15:00', undefined],
  ] as const) {
    expectSuccess(
      await call(sim, 'POST', '/time-entries', {
        body: {
          workspace_id: 1,
          user_id: worker.userId,
          contract_id: contract.id,
          task_id,
          notes: 'Design review',
          date: D,
          start_time,
          end_time,
        },
      }),
      201,
    );
  }
});
afterAll(() => sim.close());

const report = (path: string, query: Record<string, string | number | undefined>, token?: string) =>
  call(sim, 'GET', `/reports/${path}`, { query: { workspace_id: 1, ...query }, ...(token ? { token } : {}) });

describe('GET /reports/tracked-hours', () => {
  it('groups minutes and amounts by date, then user/project/contract', async () => {
    const body = expectSuccess(
      await report('tracked-hours', { user_id: worker.userId, start_date: D, end_date: D }),
    );
    const amount = Math.round(4.5 * worker.rate * 100) / 100;
    expect(body.data).toEqual({
      report_type: 'tracked_hours',
      start_date: D,
      end_date: D,
      total: { total_minutes: 270, total_amount: { USD: amount } },
      days: {
        [D]: {
          total_minutes: 270,
          users: [
            {
              user_id: worker.userId,
              user_name: expect.any(String),
              project_id: worker.projectId,
              project_name: sim.state.projects.get(worker.projectId)!.name,
              contract_id: worker.contractId,
              total_minutes: 270,
              total_amount: { USD: amount },
            },
          ],
        },
      },
    });
  });

  it('defaults to the current week and covers every date of it', async () => {
    const body = expectSuccess(await report('tracked-hours', {}));
    const now = new Date();
    const monday = addDays(ymd(now), -((now.getUTCDay() + 6) % 7));
    expect(body.data).toMatchObject({ start_date: monday, end_date: addDays(monday, 6) });
    expect(Object.keys(body.data.days)).toHaveLength(7);
    let seconds = 0;
    for (const e of sim.state.timeEntries.values()) {
      const date = e.start.slice(0, 10);
      if (e.workspaceId === 1 && date >= monday && date <= addDays(monday, 6)) {
        seconds += (Date.parse(e.end) - Date.parse(e.start)) / 1000;
      }
    }
    // Running trackers add to it.
    expect(body.data.total.total_minutes).toBeGreaterThanOrEqual(Math.floor(seconds / 60));
  });

  it('filters by users/projects and validates the range', async () => {
    const body = expectSuccess(
      await report('tracked-hours', {
        users: `${worker.userId},99999`,
        projects: String(worker.projectId),
        start_date: D,
        end_date: D,
      }),
    );
    expect(body.data.total.total_minutes).toBe(270);
    const none = expectSuccess(await report('tracked-hours', { users: '99999', start_date: D, end_date: D }));
    expect(none.data.total.total_minutes).toBe(0);
    expectFailure(
      await report('tracked-hours', { user_id: worker.userId, start_date: D, end_date: addDays(D, 31) }),
      422,
      /at most 31 days, got 32/,
    );
    expectSuccess(await report('tracked-hours', { start_date: D, end_date: addDays(D, 59) }));
    expectFailure(
      await report('tracked-hours', { start_date: D, end_date: addDays(D, -1) }),
      422,
      /end_date/,
    );
    expectFailure(await report('tracked-hours', { users: 'a,b' }), 422, /users must be a list of integer/);
    expectFailure(await report('tracked-hours', {}, 'demo-member'), 403, /Owners and Executive Managers/);
  });
});

describe('GET /reports/daily-timeline', () => {
  it("shows each user's entries of the date, paged by users", async () => {
    const body = expectSuccess(await report('daily-timeline', { date: D }));
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({
      user_id: worker.userId,
      date: D,
      total_minutes: 270,
      total_amount: { USD: Math.round(4.5 * worker.rate * 100) / 100 },
    });
    expect(body.data[0].time_entries).toEqual([
      expect.objectContaining({
        start_time: `${D}T09:30:00+00:00`,
        end_time: `${D}T12:00:00+00:00`,
        duration_minutes: 150,
        task_id: worker.taskId,
        task_title: worker.taskTitle,
        method: 'Manually added time',
        activity_level: null,
        is_running: false,
      }),
      expect.objectContaining({ start_time: `${D}T13:00:00+00:00`, task_id: null, duration_minutes: 120 }),
    ]);
    expect(body.meta.pagination).toMatchObject({ total: 1, per_page: 30 });
  });

  it('pages by users and filters by user_ids', async () => {
    const yesterday = addDays(ymd(new Date()), -1);
    const users = new Set(
      [...sim.state.timeEntries.values()]
        .filter((e) => e.workspaceId === 1 && e.start.startsWith(yesterday))
        .map((e) => e.userId),
    );
    const page = expectSuccess(await report('daily-timeline', { date: yesterday, per_page: 2 }));
    expect(page.meta.pagination.total).toBe(users.size);
    expect(page.data.length).toBe(Math.min(2, users.size));
    const filtered = expectSuccess(await report('daily-timeline', { date: D, user_ids: '99999' }));
    expect(filtered.data).toEqual([]);
  });

  it('validates date and per_page', async () => {
    expectFailure(await report('daily-timeline', {}), 400, /date is required/);
    expectFailure(
      await report('daily-timeline', { date: addDays(ymd(new Date()), 400) }),
      422,
      /within the last year/,
    );
    expectFailure(await report('daily-timeline', { date: D, per_page: 101 }), 422, /per_page/);
    expectFailure(await report('daily-timeline', { date: D }, 'demo-member'), 403);
  });
});

describe('GET /reports/daily-attendance', () => {
  it('derives statuses, times and breaks', async () => {
    const body = expectSuccess(await report('daily-attendance', { date: D, users: String(worker.userId) }));
    expect(body.data).toEqual([
      {
        user_id: worker.userId,
        user_name: expect.any(String),
        date: D,
        statuses: ['Present', 'Late', 'Left early', 'Tracked less'],
        arrival_time: '09:30',
        left_time: '15:00',
        expected_minutes: 480,
        tracked_minutes: 270,
        late_minutes: 30,
        left_early_minutes: 120,
        break_minutes: 60,
        breaks: ['12:00 - 13:00'],
        productivity: null,
      },
    ]);
  });

  it('lists absent members and filters by status', async () => {
    const all = expectSuccess(await report('daily-attendance', { date: D, per_page: 100 }));
    const expected = sim.state
      .membersOf(1)
      .filter((m) => m.status === 'active' && m.role !== 'Project viewer').length;
    expect(all.meta.pagination.total).toBe(expected);
    const absent = expectSuccess(
      await report('daily-attendance', { date: D, status: 'absent', per_page: 100 }),
    );
    expect(absent.meta.pagination.total).toBe(expected - 1);
    expect(absent.data.every((r: any) => r.statuses.includes('Absent'))).toBe(true);
    const late = expectSuccess(await report('daily-attendance', { date: D, status: 'late,on_leave' }));
    expect(late.data.map((r: any) => r.user_id)).toEqual([worker.userId]);
    expectFailure(await report('daily-attendance', { date: D, status: 'sleeping' }), 422, /status/);
    expectFailure(await report('daily-attendance', {}), 400, /date/);
    expectFailure(await report('daily-attendance', { date: D }, 'demo-member'), 403);
  });
});

describe('GET /reports/activity-level', () => {
  it('reports time-weighted activity per user and day, plus overall', async () => {
    const end = addDays(ymd(new Date()), -1);
    const start = addDays(end, -13);
    const body = expectSuccess(
      await report('activity-level', { start_date: start, end_date: end, per_page: 5 }),
    );
    const users = new Set(
      [...sim.state.timeEntries.values()]
        .filter((e) => e.workspaceId === 1 && e.start.slice(0, 10) >= start && e.start.slice(0, 10) <= end)
        .map((e) => e.userId),
    );
    expect(body.data).toMatchObject({
      start_date: start,
      end_date: end,
      overall: { users_count: users.size },
    });
    expect(body.meta.pagination).toMatchObject({ total: users.size, per_page: 5 });
    expect(body.data.users).toHaveLength(Math.min(5, users.size));
    const levels = body.data.users.flatMap((u: any) => u.days.map((d: any) => d.activity_level));
    expect(levels.filter((l: any) => l !== null).every((l: number) => l >= 30 && l <= 95)).toBe(true);
    expect(body.data.overall.average_activity_level).toBeGreaterThanOrEqual(30);
  });

  it('filters by contract and validates the range', async () => {
    const body = expectSuccess(
      await report('activity-level', { start_date: D, end_date: D, contract_id: worker.contractId }),
    );
    expect(body.data.users).toEqual([
      {
        user_id: worker.userId,
        user_name: expect.any(String),
        average_activity_level: null, // manual time has no activity
        tracked_minutes: 270,
        days: [{ date: D, activity_level: null, tracked_minutes: 270 }],
      },
    ]);
    expectFailure(await report('activity-level', { end_date: D }), 400, /start_date is required/);
    expectFailure(
      await report('activity-level', { start_date: D, end_date: addDays(D, 31) }),
      422,
      /31 days/,
    );
    expectFailure(await report('activity-level', { start_date: D, end_date: D }, 'demo-member'), 403);
  });
});

describe('GET /reports/task-report', () => {
  it('breaks time down by task and by day', async () => {
    const body = expectSuccess(await report('task-report', { start_date: D, end_date: D }));
    expect(body.data).toEqual([
      {
        user_id: worker.userId,
        user_name: expect.any(String),
        total_minutes: 270,
        tasks_breakdown: [
          {
            task_id: worker.taskId,
            task_title: worker.taskTitle,
            project_id: worker.projectId,
            project_name: expect.any(String),
            total_minutes: 150,
          },
          {
            task_id: null,
            task_title: null,
            project_id: worker.projectId,
            project_name: expect.any(String),
            total_minutes: 120,
          },
        ],
        daily_breakdown: {
          [D]: [
            { task_id: worker.taskId, task_title: worker.taskTitle, total_minutes: 150 },
            { task_id: null, task_title: null, total_minutes: 120 },
          ],
        },
      },
    ]);
    expect(body.meta.pagination).toMatchObject({ per_page: 30, total: 1 });
  });

  it('honours include_no_task, task_id and project_id filters', async () => {
    const noTask = expectSuccess(
      await report('task-report', { start_date: D, end_date: D, include_no_task: 'false' }),
    );
    expect(noTask.data[0].total_minutes).toBe(150);
    const byTask = expectSuccess(
      await report('task-report', { start_date: D, end_date: D, task_id: worker.taskId }),
    );
    expect(byTask.data[0].tasks_breakdown.map((t: any) => t.task_id)).toEqual([worker.taskId]);
    const otherProject = expectSuccess(
      await report('task-report', { start_date: D, end_date: D, project_id: '1' }),
    );
    expect(otherProject.data).toEqual([]);
    expectFailure(await report('task-report', { start_date: D, end_date: D, per_page: 101 }), 422);
    expectFailure(await report('task-report', { start_date: D }), 400, /end_date/);
    expectFailure(await report('task-report', { start_date: D, end_date: D }, 'demo-member'), 403);
  });
});

describe('GET /reports/activity-descriptions', () => {
  it('sums time per user and description', async () => {
    const body = expectSuccess(await report('activity-descriptions', { start_date: D, end_date: D }));
    expect(body.data).toEqual([
      {
        user_id: worker.userId,
        user_name: expect.any(String),
        activity_description: 'Design review',
        total_minutes: 270,
        entries_count: 2,
        first_date: D,
        last_date: D,
      },
    ]);
    const other = expectSuccess(
      await report('activity-descriptions', { start_date: D, end_date: D, users: '99999' }),
    );
    expect(other.data).toEqual([]);
    expectFailure(await report('activity-descriptions', { start_date: D, end_date: addDays(D, 40) }), 422);
    expectFailure(await report('activity-descriptions', { start_date: D, end_date: D }, 'demo-member'), 403);
  });
});
