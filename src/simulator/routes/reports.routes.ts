import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unprocessable } from '../http/api-error.js';
import { canViewRates, requireRole } from '../http/auth.js';
import { ok, okPage } from '../http/envelope.js';
import { paginate } from '../http/pagination.js';
import { optionalBool, optionalInt, optionalStringArray, requiredDate, type Source } from '../http/params.js';
import { ADMIN_ROLES } from '../state/model.js';
import type { SimState } from '../state/store.js';
import { addDays, isoInZone, ymd, ymdInZone } from '../state/time.js';
import { queryOf, type RouteContext, workspaceScope } from './context.js';
import {
  activityLevel,
  addAmount,
  amountOf,
  clockOf,
  currentWeek,
  dateRange,
  datesOf,
  okObjectPage,
  optionalIntList,
  roundAmounts,
  spanDate,
  toMinutes,
  type WorkSpan,
  workSpans,
} from './reports.views.js';
import { fullName } from './time-entries.views.js';

/** Reports that page by users (§4): 30 users per page by default, at most 100. */
const USER_PAGES = { defaultPerPage: 30, maxPerPage: 100 };

/** The daily timeline's time zone: null (UTC) or the workspace owner's (profile `timelineZone`). */
function timelineZone(ctx: RouteContext, workspaceId: number): string | null {
  if (ctx.profile.timelineZone === 'utc') return null;
  const ownerId = ctx.state.workspaces.get(workspaceId)?.ownerId;
  return (ownerId === undefined ? undefined : ctx.state.users.get(ownerId)?.timezone) ?? null;
}

/** Every report: Owners and Executive Managers of the workspace only. */
function reportRequest(ctx: RouteContext, request: FastifyRequest) {
  const scope = workspaceScope(ctx, request);
  requireRole(scope.membership, ADMIN_ROLES, 'view reports');
  return { state: ctx.state, scope, query: queryOf(request) };
}

/**
 * Reports (REFERENCE §10.13), Owners and Executive managers only, computed from the time entries
 * plus running trackers (see `reports.views.ts`). The docs name the response fields only in prose;
 * the snake_case names chosen here are documented on each handler.
 *
 * Assumption (GAPS Reports, money): wherever a report shows money it is `total_amount` keyed by
 * currency (`{"USD": 12.5}`), the tracked-hours shape, and only for callers who may view rates.
 */
export function registerReportsRoutes(app: FastifyInstance, ctx: RouteContext): void {
  /**
   * `data = {report_type: "tracked_hours", start_date, end_date, total: {total_minutes,
   * total_amount?}, days: {"<Y-m-d>": {total_minutes, users: [{user_id, user_name, project_id,
   * project_name, contract_id, total_minutes, total_amount?}]}}}`: every date of the range is a
   * key (empty `users` on days without time); rows are grouped by user, project and contract.
   *
   * Assumption (GAPS Reports, tracked-hours filters): the range is limited to 31 days only when
   * `user_id` is given (as documented). The simulator has no team or job-title ids, so `teams` and
   * `titles` are validated as integer lists and otherwise ignored.
   */
  app.get('/reports/tracked-hours', async (request) => {
    const { state, scope, query } = reportRequest(ctx, request);
    const now = ctx.now();
    const userId = optionalInt(query, 'user_id', { min: 1 });
    const range = dateRange(query, {
      defaults: currentWeek(now),
      ...(userId === undefined ? {} : { maxDays: 31 }),
    });
    const users = optionalIntList(query, 'users');
    const projects = optionalIntList(query, 'projects');
    optionalIntList(query, 'teams');
    optionalIntList(query, 'titles');
    const currencies = optionalStringArray(query, 'currencies')?.map((c) => c.toUpperCase());
    const rates = canViewRates(scope.membership);

    const spans = workSpans(state, scope.workspaceId, now, ctx.profile).filter(
      (s) =>
        spanDate(s) >= range.start &&
        spanDate(s) <= range.end &&
        (userId === undefined || s.userId === userId) &&
        (!users || users.includes(s.userId)) &&
        (!projects || (s.projectId !== null && projects.includes(s.projectId))),
    );
    const days: Record<string, { seconds: number; rows: Map<string, Row> }> = {};
    for (const date of datesOf(range.start, range.end)) days[date] = { seconds: 0, rows: new Map() };
    const totalAmount: Record<string, number> = {};
    let totalSeconds = 0;
    for (const span of spans) {
      const day = days[spanDate(span)]!;
      const key = `${span.userId}:${span.projectId}:${span.contractId}`;
      const row = day.rows.get(key) ?? { span, seconds: 0, amount: {} };
      row.seconds += span.seconds;
      const amount = amountOf(state, span);
      if (!currencies || (amount && currencies.includes(amount.currency))) {
        addAmount(row.amount, amount);
        addAmount(totalAmount, amount);
      }
      day.rows.set(key, row);
      day.seconds += span.seconds;
      totalSeconds += span.seconds;
    }
    const money = (amounts: Record<string, number>) => (rates ? { total_amount: roundAmounts(amounts) } : {});
    return ok(
      {
        report_type: 'tracked_hours',
        start_date: range.start,
        end_date: range.end,
        total: { total_minutes: toMinutes(totalSeconds), ...money(totalAmount) },
        days: Object.fromEntries(
          Object.entries(days).map(([date, day]) => [
            date,
            {
              total_minutes: toMinutes(day.seconds),
              users: [...day.rows.values()]
                .sort(
                  (a, b) =>
                    a.span.userId - b.span.userId || (a.span.projectId ?? 0) - (b.span.projectId ?? 0),
                )
                .map((row) => ({
                  user_id: row.span.userId,
                  user_name: fullName(state.users.get(row.span.userId)),
                  project_id: row.span.projectId,
                  project_name: projectName(state, row.span.projectId),
                  contract_id: row.span.contractId,
                  total_minutes: toMinutes(row.seconds),
                  ...money(row.amount),
                })),
            },
          ]),
        ),
      },
      'Tracked hours report retrieved successfully',
    );
  });

  /**
   * `data = [{user_id, user_name, user_email, date, total_minutes, total_amount?, time_entries:
   * [{id, start_time, end_time, duration_minutes, project_id, project_name, contract_id, task_id,
   * task_title, activity_description, method, activity_level, is_running}]}]`, one row per user
   * with time on `date` (paged by users). A running tracker has `id` and `end_time` null.
   *
   * Times: `lenient` renders them in UTC (`+00:00`) and `date` is a UTC date. `docs-exact`
   * (profile `timelineZone`) follows REFERENCE §10.13: "Times in ISO 8601 with the workspace
   * owner's timezone offset", and reads `date` in that zone too (GAPS G13: "Date filters in the
   * workspace owner's timezone, which is documented only for the daily timeline report").
   */
  app.get('/reports/daily-timeline', async (request) => {
    const { state, scope, query } = reportRequest(ctx, request);
    const now = ctx.now();
    const date = requiredDate(query, 'date');
    const today = ymd(now);
    if (date < addDays(today, -365) || date > addDays(today, 365)) {
      throw unprocessable(`date must be within the last year and at most one year ahead, got ${date}`);
    }
    const userIds = optionalIntList(query, 'user_ids');
    const rates = canViewRates(scope.membership);
    const zone = timelineZone(ctx, scope.workspaceId);
    const byUser = groupByUser(
      workSpans(state, scope.workspaceId, now, ctx.profile).filter(
        (s) => ymdInZone(new Date(s.start), zone) === date && (!userIds || userIds.includes(s.userId)),
      ),
    );
    const page = paginate(byUser, query, USER_PAGES);
    return okPage(
      {
        data: page.data.map(([userId, spans]) => {
          const user = state.users.get(userId);
          const amounts: Record<string, number> = {};
          for (const span of spans) addAmount(amounts, amountOf(state, span));
          return {
            user_id: userId,
            user_name: fullName(user),
            user_email: user?.email ?? null,
            date,
            total_minutes: toMinutes(sum(spans)),
            ...(rates ? { total_amount: roundAmounts(amounts) } : {}),
            time_entries: spans.map((span) => ({
              id: span.running ? null : span.id,
              start_time: isoInZone(new Date(span.start), zone),
              end_time: span.running ? null : isoInZone(new Date(span.end), zone),
              duration_minutes: toMinutes(span.seconds),
              project_id: span.projectId,
              project_name: projectName(state, span.projectId),
              contract_id: span.contractId,
              task_id: span.taskId,
              task_title: taskTitle(state, span.taskId),
              activity_description: span.activityDescription,
              method: span.method,
              activity_level: activityLevel(span),
              is_running: span.running,
            })),
          };
        }),
        pagination: page.pagination,
      },
      'Daily timeline report retrieved successfully',
      ctx.profile.paginationOnEveryList,
    );
  });

  /**
   * One row per active member who tracks time (not Project viewers), paged by users: `{user_id,
   * user_name, date, statuses, arrival_time, left_time, expected_minutes, tracked_minutes,
   * late_minutes, left_early_minutes, break_minutes, breaks: ["14:30 - 15:25"], productivity}`;
   * clock times are `HH:mm`, durations integer minutes, `productivity` the time-weighted activity
   * level in % (null without tracker time).
   *
   * Assumption (GAPS Reports, attendance rules): the schedule is 09:00-17:00 UTC (480 minutes) on
   * Monday to Friday and nothing on weekends; "Late" = first start after 09:00, "Left early" =
   * last end before 17:00 (not while a tracker runs), "Tracked less" = under the expected minutes,
   * "Absent" = a scheduled day without time and without leave, "On leave" = an approved leave
   * covers the date, "Present" = any time tracked. There is no holiday calendar, so "Holiday" never
   * appears. The `status` filter keeps users having any of the given statuses.
   */
  app.get('/reports/daily-attendance', async (request) => {
    const { state, scope, query } = reportRequest(ctx, request);
    const now = ctx.now();
    const date = requiredDate(query, 'date');
    const users = optionalIntList(query, 'users');
    const wanted = statusFilter(query);
    const spans = workSpans(state, scope.workspaceId, now, ctx.profile).filter((s) => spanDate(s) === date);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const expected = weekday === 0 || weekday === 6 ? 0 : 480;
    const rows = state
      .membersOf(scope.workspaceId)
      .filter((m) => m.status === 'active' && m.role !== 'Project viewer')
      .filter((m) => !users || users.includes(m.userId))
      .sort((a, b) => a.userId - b.userId)
      .map((m) => attendanceRow(state, scope.workspaceId, m.userId, date, expected, spans))
      .filter((row) => !wanted || row.statuses.some((s) => wanted.includes(s)));
    return okPage(
      paginate(rows, query, USER_PAGES),
      'Daily attendance report retrieved successfully',
      ctx.profile.paginationOnEveryList,
    );
  });

  /**
   * `data = {start_date, end_date, users: [{user_id, user_name, average_activity_level,
   * tracked_minutes, days: [{date, activity_level, tracked_minutes}]}], overall:
   * {average_activity_level, tracked_minutes, users_count}}`; levels are time-weighted % (null
   * without tracker time); `overall` covers all users, not just the page.
   *
   * Assumption (GAPS Reports, activity-level paging): the docs contradict themselves (by day vs by
   * user); the simulator follows the parameter docs and pages `users` (30 default, max 100).
   */
  app.get('/reports/activity-level', async (request) => {
    const { state, scope, query } = reportRequest(ctx, request);
    const range = dateRange(query, { maxDays: 31 });
    const contractId = optionalInt(query, 'contract_id', { min: 1 });
    const userIds = optionalIntList(query, 'user_ids');
    const byUser = groupByUser(
      workSpans(state, scope.workspaceId, ctx.now(), ctx.profile).filter(
        (s) =>
          spanDate(s) >= range.start &&
          spanDate(s) <= range.end &&
          (contractId === undefined || s.contractId === contractId) &&
          (!userIds || userIds.includes(s.userId)),
      ),
    );
    const page = paginate(byUser, query, USER_PAGES);
    const allSpans = byUser.flatMap(([, spans]) => spans);
    return okObjectPage(
      {
        start_date: range.start,
        end_date: range.end,
        users: page.data.map(([userId, spans]) => ({
          user_id: userId,
          user_name: fullName(state.users.get(userId)),
          average_activity_level: weightedActivity(spans),
          tracked_minutes: toMinutes(sum(spans)),
          days: [...groupBy(spans, spanDate)].map(([date, daySpans]) => ({
            date,
            activity_level: weightedActivity(daySpans),
            tracked_minutes: toMinutes(sum(daySpans)),
          })),
        })),
        overall: {
          average_activity_level: weightedActivity(allSpans),
          tracked_minutes: toMinutes(sum(allSpans)),
          users_count: byUser.length,
        },
      },
      page.pagination,
      'Activity level report retrieved successfully',
      ctx.profile.paginationOnEveryList,
    );
  });

  /**
   * `data = [{user_id, user_name, total_minutes, tasks_breakdown: [{task_id, task_title,
   * project_id, project_name, total_minutes}], daily_breakdown: {"<Y-m-d>": [{task_id, task_title,
   * total_minutes}]}}]`, paged by users; time without a task has `task_id` null (left out when
   * `include_no_task=false`).
   */
  app.get('/reports/task-report', async (request) => {
    const { state, scope, query } = reportRequest(ctx, request);
    const range = dateRange(query, { maxDays: 31 });
    const users = optionalIntList(query, 'users');
    const projectIds = optionalIntList(query, 'project_id');
    const taskIds = optionalIntList(query, 'task_id');
    const includeNoTask = optionalBool(query, 'include_no_task') ?? true;
    const byUser = groupByUser(
      workSpans(state, scope.workspaceId, ctx.now(), ctx.profile).filter(
        (s) =>
          spanDate(s) >= range.start &&
          spanDate(s) <= range.end &&
          (!users || users.includes(s.userId)) &&
          (!projectIds || (s.projectId !== null && projectIds.includes(s.projectId))) &&
          (s.taskId === null ? includeNoTask && !taskIds : !taskIds || taskIds.includes(s.taskId)),
      ),
    );
    const page = paginate(byUser, query, USER_PAGES);
    return okPage(
      {
        data: page.data.map(([userId, spans]) => ({
          user_id: userId,
          user_name: fullName(state.users.get(userId)),
          total_minutes: toMinutes(sum(spans)),
          tasks_breakdown: [...groupBy(spans, (s) => `${s.taskId}:${s.projectId}`).values()].map(
            (taskSpans) => ({
              task_id: taskSpans[0]!.taskId,
              task_title: taskTitle(state, taskSpans[0]!.taskId),
              project_id: taskSpans[0]!.projectId,
              project_name: projectName(state, taskSpans[0]!.projectId),
              total_minutes: toMinutes(sum(taskSpans)),
            }),
          ),
          daily_breakdown: Object.fromEntries(
            [...groupBy(spans, spanDate)].map(([date, daySpans]) => [
              date,
              [...groupBy(daySpans, (s) => String(s.taskId)).values()].map((taskSpans) => ({
                task_id: taskSpans[0]!.taskId,
                task_title: taskTitle(state, taskSpans[0]!.taskId),
                total_minutes: toMinutes(sum(taskSpans)),
              })),
            ]),
          ),
        })),
        pagination: page.pagination,
      },
      'Task report retrieved successfully',
      ctx.profile.paginationOnEveryList,
    );
  });

  /**
   * Assumption (GAPS Reports, activity descriptions; the whole operation is inferred): one row per
   * user and distinct activity description in the range (31 days at most), `{user_id, user_name,
   * activity_description, total_minutes, entries_count, first_date, last_date}`, ordered by user
   * then time spent; time without a description is left out; optional `users` filter; standard
   * paging (20 rows, max 100).
   */
  app.get('/reports/activity-descriptions', async (request) => {
    const { state, scope, query } = reportRequest(ctx, request);
    const range = dateRange(query, { maxDays: 31 });
    const users = optionalIntList(query, 'users');
    const spans = workSpans(state, scope.workspaceId, ctx.now(), ctx.profile).filter(
      (s) =>
        s.activityDescription !== null &&
        s.activityDescription.trim() !== '' &&
        spanDate(s) >= range.start &&
        spanDate(s) <= range.end &&
        (!users || users.includes(s.userId)),
    );
    const rows = [...groupBy(spans, (s) => `${s.userId}\u0000${s.activityDescription}`).values()]
      .map((group) => ({
        user_id: group[0]!.userId,
        user_name: fullName(state.users.get(group[0]!.userId)),
        activity_description: group[0]!.activityDescription,
        total_minutes: toMinutes(sum(group)),
        entries_count: group.length,
        first_date: spanDate(group[0]!),
        last_date: spanDate(group[group.length - 1]!),
      }))
      .sort((a, b) => a.user_id - b.user_id || b.total_minutes - a.total_minutes);
    return okPage(
      paginate(rows, query),
      'Activity descriptions report retrieved successfully',
      ctx.profile.paginationOnEveryList,
    );
  });
}

interface Row {
  span: WorkSpan;
  seconds: number;
  amount: Record<string, number>;
}

const ATTENDANCE_FILTERS = {
  late: 'Late',
  left_early: 'Left early',
  tracked_less: 'Tracked less',
  absent: 'Absent',
  on_leave: 'On leave',
} as const;

function statusFilter(query: Source): string[] | undefined {
  const list = optionalStringArray(query, 'status');
  if (!list) return undefined;
  return list.map((value) => {
    const status = ATTENDANCE_FILTERS[value as keyof typeof ATTENDANCE_FILTERS];
    if (!status) {
      throw unprocessable(
        `status must be a list of ${Object.keys(ATTENDANCE_FILTERS).join(', ')}, got ${JSON.stringify(value)}`,
      );
    }
    return status;
  });
}

function attendanceRow(
  state: SimState,
  workspaceId: number,
  userId: number,
  date: string,
  expected: number,
  daySpans: WorkSpan[],
) {
  const spans = daySpans.filter((s) => s.userId === userId);
  const onLeave = [...state.leaves.values()].some(
    (l) =>
      l.workspaceId === workspaceId &&
      l.userId === userId &&
      l.status === 'approved' &&
      l.startDate <= date &&
      l.endDate >= date,
  );
  const tracked = toMinutes(sum(spans));
  const first = spans[0];
  const last = spans.reduce<WorkSpan | undefined>((acc, s) => (!acc || s.end > acc.end ? s : acc), undefined);
  const running = spans.some((s) => s.running);
  const dayStart = Date.parse(`${date}T09:00:00Z`);
  const dayEnd = Date.parse(`${date}T17:00:00Z`);
  const lateMinutes =
    first && expected ? Math.max(0, toMinutes((Date.parse(first.start) - dayStart) / 1000)) : 0;
  const leftEarlyMinutes =
    last && expected && !running ? Math.max(0, toMinutes((dayEnd - Date.parse(last.end)) / 1000)) : 0;
  const breaks: string[] = [];
  let breakSeconds = 0;
  let cursor: string | undefined;
  for (const span of spans) {
    if (cursor && span.start > cursor) {
      breaks.push(`${clockOf(cursor)} - ${clockOf(span.start)}`);
      breakSeconds += (Date.parse(span.start) - Date.parse(cursor)) / 1000;
    }
    if (!cursor || span.end > cursor) cursor = span.end;
  }
  const statuses: string[] = [];
  if (spans.length) statuses.push('Present');
  if (lateMinutes > 0) statuses.push('Late');
  if (leftEarlyMinutes > 0) statuses.push('Left early');
  if (spans.length && expected && tracked < expected) statuses.push('Tracked less');
  if (onLeave) statuses.push('On leave');
  else if (!spans.length && expected) statuses.push('Absent');
  return {
    user_id: userId,
    user_name: fullName(state.users.get(userId)),
    date,
    statuses,
    arrival_time: first ? clockOf(first.start) : null,
    left_time: last && !running ? clockOf(last.end) : null,
    expected_minutes: expected,
    tracked_minutes: tracked,
    late_minutes: lateMinutes,
    left_early_minutes: leftEarlyMinutes,
    break_minutes: toMinutes(breakSeconds),
    breaks,
    productivity: weightedActivity(spans),
  };
}

const sum = (spans: WorkSpan[]) => spans.reduce((total, s) => total + s.seconds, 0);

/** Time-weighted average activity level of the spans that have one, rounded; null if none. */
function weightedActivity(spans: WorkSpan[]): number | null {
  let weight = 0;
  let total = 0;
  for (const span of spans) {
    const level = activityLevel(span);
    if (level === null || span.seconds === 0) continue;
    weight += span.seconds;
    total += level * span.seconds;
  }
  return weight ? Math.round(total / weight) : null;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Spans grouped by user, users in id order (the unit the user-paged reports page over). */
function groupByUser(spans: WorkSpan[]): Array<[number, WorkSpan[]]> {
  return [...groupBy(spans, (s) => String(s.userId))]
    .map(([id, list]): [number, WorkSpan[]] => [Number(id), list])
    .sort((a, b) => a[0] - b[0]);
}

const projectName = (state: SimState, id: number | null) =>
  id === null ? null : (state.projects.get(id)?.name ?? null);
const taskTitle = (state: SimState, id: number | null) =>
  id === null ? null : (state.tasks.get(id)?.title ?? null);
