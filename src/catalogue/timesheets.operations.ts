import { tags } from '../cache/keys.js';
import { toIsoDate, toIsoDateTime } from './dates.js';
import { fromUpstream } from './enum-table.js';
import { changedBy, list, type Reads, write, type WriteOutcome } from './operation.js';
import { TimesheetStatus, timesheetStatus } from './timesheets.enums.js';
import {
  approveTimeRequest,
  createTimeRequest,
  type CreateTimeRequestArgs,
  type DecideTimeRequestArgs,
} from './time-requests.operations.js';
import { startTracking, stopTracking, type TrackerArgs } from './tracking.operations.js';

export interface TimesheetEntryRecord {
  workspaceId: number;
  projectId: number | null;
  projectName: string | null;
  contractId: number | null;
  totalMinutes: number;
  /** Null when the caller may not view rates (upstream omits amounts). */
  totalAmount: number | null;
}

export interface TimesheetDayRecord {
  date: string;
  totalMinutes: number;
  entries: TimesheetEntryRecord[];
}

export interface TimesheetRecord extends WriteOutcome {
  workspaceId: number;
  /** Upstream id: an opaque string (doc set A "encrypted", doc set B a UUID). */
  timesheetId: string;
  /** Null only on a move's answer that could not be read back (`readBackFailed`). */
  userId: number | null;
  memberName: string | null;
  dateFrom: string | null;
  dateTo: string | null;
  totalMinutes: number | null;
  totalAmount: number | null;
  status: TimesheetStatus;
  submittedOn: string | null;
  rejectReason: string | null;
  days: TimesheetDayRecord[];
}

interface WireEntry {
  project_id?: number | null;
  project_name?: string | null;
  contract_id?: number | null;
  total_minutes?: number | null;
  total_amount?: unknown;
}

interface WireTimesheet {
  id: string;
  user_id?: number | null;
  member?: string | null;
  date_from?: string | null;
  date_to?: string | null;
  total_minutes?: number | null;
  total_hours?: number | null;
  total_amount?: unknown;
  status: string;
  submitted_on?: string | null;
  reject_reason?: string | null;
  daily_breakdown?: Record<string, WireEntry[]> | null;
}

/**
 * Assumption (GAPS Timesheets): `total_amount`'s shape is undocumented ("object|number"); a number,
 * or an object with a numeric `amount`, is read; anything else is null rather than a guess.
 */
function amountOf(value: unknown): number | null {
  if (typeof value === 'number') return value;
  const amount = (value as { amount?: unknown } | null | undefined)?.amount;
  return typeof amount === 'number' ? amount : null;
}

const minutesOf = (t: WireTimesheet): number | null =>
  t.total_minutes ?? (t.total_hours == null ? null : Math.round(t.total_hours * 60));

const toTimesheet = (t: WireTimesheet, { workspaceId }: { workspaceId: number }): TimesheetRecord => ({
  workspaceId,
  timesheetId: String(t.id),
  userId: t.user_id ?? null,
  memberName: t.member ?? null,
  dateFrom: toIsoDate(t.date_from),
  dateTo: toIsoDate(t.date_to),
  totalMinutes: minutesOf(t),
  totalAmount: amountOf(t.total_amount),
  status: fromUpstream(timesheetStatus.fromWire, t.status, 'timesheet status'),
  submittedOn: toIsoDateTime(t.submitted_on),
  rejectReason: t.reject_reason ?? null,
  days: Object.entries(t.daily_breakdown ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, rows]) => {
      const entries = rows.map((r) => ({
        workspaceId,
        projectId: r.project_id ?? null,
        projectName: r.project_name ?? null,
        contractId: r.contract_id ?? null,
        totalMinutes: r.total_minutes ?? 0,
        totalAmount: amountOf(r.total_amount),
      }));
      return { date, totalMinutes: entries.reduce((sum, e) => sum + e.totalMinutes, 0), entries };
    }),
});

export interface TimesheetsArgs {
  workspaceId: number;
  /** One timesheet by its upstream id (how a move reads its result back). */
  id?: string | null;
  status?: TimesheetStatus | null;
  /** Periods overlapping `from`..`to` (inclusive, `Y-m-d`). */
  from?: string | null;
  to?: string | null;
  userId?: number | null;
}

const timesheetsTag = (workspaceId: number) => tags.workspaceResource(workspaceId, 'timesheets');

/**
 * `GET /timesheets`: pages of 100. Totals are built from time entries, so tracking writes change
 * them too (`changedBy`). Owners and Executive Managers see every timesheet; other roles only
 * their own (simulator assumption; the docs infer Owners and Executive Managers only).
 */
export const timesheetsList = list<TimesheetsArgs, WireTimesheet, TimesheetRecord>({
  name: 'timesheets',
  path: '/timesheets',
  cache: 'lists',
  query: (a) => ({
    workspace_id: a.workspaceId,
    id: a.id,
    status: timesheetStatus.wire(a.status),
    date_from: a.from,
    date_to: a.to,
    user_id: a.userId,
  }),
  tags: (a) => [tags.workspace(a.workspaceId), timesheetsTag(a.workspaceId)],
  changedBy: [
    changedBy(startTracking, (a: TrackerArgs) => [timesheetsTag(a.workspaceId)]),
    changedBy(stopTracking, (a: TrackerArgs) => [timesheetsTag(a.workspaceId)]),
    // An approved (or auto-approved) time request adds time to the member's timesheet.
    changedBy(approveTimeRequest, (a: DecideTimeRequestArgs) => [timesheetsTag(a.workspaceId)]),
    changedBy(createTimeRequest, (a: CreateTimeRequestArgs) => [timesheetsTag(a.workspaceId)]),
  ],
  map: toTimesheet,
});

export interface TimesheetMoveArgs {
  workspaceId: number;
  timesheetId: string;
  /** Reject only (required there). */
  reason?: string | null;
}

/** The timesheet as it is now, read through the list's `id` filter; null when not visible. */
const readTimesheet = async (reads: Reads, a: TimesheetMoveArgs): Promise<TimesheetRecord | null> =>
  (await reads.page(timesheetsList, { workspaceId: a.workspaceId, id: a.timesheetId }, 1)).items[0] ?? null;

/**
 * One move of the review (`PUT /timesheets/{timesheetId}/<verb>`). WebWork may answer `data: null`
 * (docs: "object|null"), so the state is always read back; what the move itself tells (the
 * target status, the reason) stands in when that read fails.
 */
const move = (name: string, verb: string, to: TimesheetStatus) =>
  write<TimesheetMoveArgs, WireTimesheet, TimesheetRecord>({
    name,
    method: 'PUT',
    path: `/timesheets/{timesheetId}/${verb}`,
    pathParams: (a) => ({ timesheetId: a.timesheetId }),
    verb,
    subject: 'timesheet',
    body: (a) => ({ workspace_id: a.workspaceId, reason: a.reason }),
    stale: (a) => [timesheetsTag(a.workspaceId)],
    told: (a, data) =>
      data
        ? toTimesheet(data, a)
        : {
            workspaceId: a.workspaceId,
            timesheetId: a.timesheetId,
            userId: null,
            memberName: null,
            dateFrom: null,
            dateTo: null,
            totalMinutes: null,
            totalAmount: null,
            status: to,
            submittedOn: null,
            rejectReason: a.reason ?? null,
            days: [],
          },
    readBack: { read: readTimesheet, applied: (state) => state.status === to },
  });

export const submitTimesheet = move('submitTimesheet', 'submit', TimesheetStatus.SUBMITTED);
export const unsubmitTimesheet = move('unsubmitTimesheet', 'unsubmit', TimesheetStatus.PENDING);
export const approveTimesheet = move('approveTimesheet', 'approve', TimesheetStatus.APPROVED);
export const rejectTimesheet = move('rejectTimesheet', 'reject', TimesheetStatus.REJECTED);
