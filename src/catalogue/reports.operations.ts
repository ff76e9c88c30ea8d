import { tags } from '../cache/keys.js';
import { toIsoDate } from './dates.js';
import { read } from './operation.js';
import { type AttendanceStatus, attendanceStatus } from './reports.enums.js';

/**
 * Reports (REFERENCE §10.13), Owners and Executive Managers only. The docs name few response
 * fields (most are "(inferred)" or "not captured", GAPS: Reports), so each report's record is its
 * documented fields plus the whole upstream `data` as `payload` (exposed as JSON, never as invented
 * types). Each report is one upstream call and one cache entry (one page of users where the report
 * pages; docs-exact sends no pagination block on reports, so a client asks for pages itself).
 *
 * Reports are built from time entries: they are filed under the workspace's `time-entries` tag,
 * which the time-entry writes make stale. Tracking (start/stop) and changes made outside the
 * gateway reach them by TTL (`lists` class).
 */
export interface ReportRecord {
  workspaceId: number;
  /** The upstream `data`, as sent. */
  payload: unknown;
}

export interface TrackedHoursRecord extends ReportRecord {
  reportType: string | null;
  startDate: string | null;
  endDate: string | null;
}

export interface TaskReportRecord extends ReportRecord {
  tasksBreakdown: unknown;
  dailyBreakdown: unknown;
}

const reportTags = (a: { workspaceId: number }) => [
  tags.workspace(a.workspaceId),
  tags.workspaceResource(a.workspaceId, 'time-entries'),
];

/** Integer or string lists go upstream as CSV (`array<integer>|csv` in every report's docs). */
const csv = (values: readonly (number | string)[] | null | undefined) =>
  values && values.length > 0 ? values.join(',') : undefined;

const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

interface UserPage {
  page?: number | null;
  perPage?: number | null;
}

export interface TrackedHoursArgs {
  workspaceId: number;
  startDate?: string | null;
  endDate?: string | null;
  userId?: number | null;
  users?: number[] | null;
  projects?: number[] | null;
}

/** `GET /reports/tracked-hours`: minutes per day and user (range limited to 31 days with `user_id`). */
export const trackedHoursReport = read<TrackedHoursArgs, unknown, TrackedHoursRecord>({
  name: 'reportTrackedHours',
  path: '/reports/tracked-hours',
  cache: 'lists',
  query: (a) => ({
    workspace_id: a.workspaceId,
    start_date: a.startDate,
    end_date: a.endDate,
    user_id: a.userId,
    users: csv(a.users),
    projects: csv(a.projects),
  }),
  tags: reportTags,
  map: (data, a) => {
    const d = asObject(data);
    return {
      workspaceId: a.workspaceId,
      payload: data ?? null,
      reportType: typeof d.report_type === 'string' ? d.report_type : null,
      startDate: toIsoDate(d.start_date),
      endDate: toIsoDate(d.end_date),
    };
  },
});

export interface DailyTimelineArgs extends UserPage {
  workspaceId: number;
  date: string;
  userIds?: number[] | null;
}

/** `GET /reports/daily-timeline`: one date's entries per user; times carry the owner's offset. */
export const dailyTimelineReport = read<DailyTimelineArgs, unknown, ReportRecord>({
  name: 'reportDailyTimeline',
  path: '/reports/daily-timeline',
  cache: 'lists',
  query: (a) => ({
    workspace_id: a.workspaceId,
    date: a.date,
    user_ids: csv(a.userIds),
    page: a.page,
    per_page: a.perPage,
  }),
  tags: reportTags,
  map: (data, a) => ({ workspaceId: a.workspaceId, payload: data ?? null }),
});

export interface DailyAttendanceArgs extends UserPage {
  workspaceId: number;
  date: string;
  users?: number[] | null;
  statuses?: AttendanceStatus[] | null;
}

/** `GET /reports/daily-attendance`: statuses, minutes and breaks per user for one date. */
export const dailyAttendanceReport = read<DailyAttendanceArgs, unknown, ReportRecord>({
  name: 'reportDailyAttendance',
  path: '/reports/daily-attendance',
  cache: 'lists',
  query: (a) => ({
    workspace_id: a.workspaceId,
    date: a.date,
    users: csv(a.users),
    status: csv(a.statuses?.map((s) => attendanceStatus.toWire[s])),
    page: a.page,
    per_page: a.perPage,
  }),
  tags: reportTags,
  map: (data, a) => ({ workspaceId: a.workspaceId, payload: data ?? null }),
});

export interface ActivityLevelArgs extends UserPage {
  workspaceId: number;
  startDate: string;
  endDate: string;
  contractId?: number | null;
  userIds?: number[] | null;
}

/** `GET /reports/activity-level`: activity % per user per day (range at most 31 days). */
export const activityLevelReport = read<ActivityLevelArgs, unknown, ReportRecord>({
  name: 'reportActivityLevel',
  path: '/reports/activity-level',
  cache: 'lists',
  query: (a) => ({
    workspace_id: a.workspaceId,
    start_date: a.startDate,
    end_date: a.endDate,
    contract_id: a.contractId,
    user_ids: csv(a.userIds),
    page: a.page,
    per_page: a.perPage,
  }),
  tags: reportTags,
  map: (data, a) => ({ workspaceId: a.workspaceId, payload: data ?? null }),
});

export interface TaskReportArgs extends UserPage {
  workspaceId: number;
  startDate: string;
  endDate: string;
  users?: number[] | null;
  projectIds?: number[] | null;
  taskIds?: number[] | null;
  includeNoTask?: boolean | null;
}

/** `GET /reports/task-report`: time per task per user (range at most 31 days). */
export const taskReport = read<TaskReportArgs, unknown, TaskReportRecord>({
  name: 'reportTasks',
  path: '/reports/task-report',
  cache: 'lists',
  query: (a) => ({
    workspace_id: a.workspaceId,
    start_date: a.startDate,
    end_date: a.endDate,
    users: csv(a.users),
    project_id: csv(a.projectIds),
    task_id: csv(a.taskIds),
    include_no_task: a.includeNoTask,
    page: a.page,
    per_page: a.perPage,
  }),
  tags: reportTags,
  map: (data, a) => {
    // `data` is documented as an array whose items carry the two breakdowns, or the breakdowns
    // themselves; either way the documented names are looked up, never guessed beyond them.
    const first = Array.isArray(data) ? asObject(data[0]) : asObject(data);
    return {
      workspaceId: a.workspaceId,
      payload: data ?? null,
      tasksBreakdown: Array.isArray(data)
        ? data.map((row) => asObject(row).tasks_breakdown ?? null)
        : (first.tasks_breakdown ?? null),
      dailyBreakdown: Array.isArray(data)
        ? data.map((row) => asObject(row).daily_breakdown ?? null)
        : (first.daily_breakdown ?? null),
    };
  },
});

export interface ActivityDescriptionsArgs {
  workspaceId: number;
  startDate: string;
  endDate: string;
  page?: number | null;
}

/** `GET /reports/activity-descriptions` (inferred operation: path, params and answer inferred). */
export const activityDescriptionsReport = read<ActivityDescriptionsArgs, unknown, ReportRecord>({
  name: 'reportActivityDescriptions',
  path: '/reports/activity-descriptions',
  cache: 'lists',
  query: (a) => ({
    workspace_id: a.workspaceId,
    start_date: a.startDate,
    end_date: a.endDate,
    page: a.page,
  }),
  tags: reportTags,
  map: (data, a) => ({ workspaceId: a.workspaceId, payload: data ?? null }),
});
