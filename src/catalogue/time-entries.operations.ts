import { tags } from '../cache/keys.js';
import { toIsoDate, toIsoDateTime } from './dates.js';
import { changedBy, read, type Reads, write, type WriteOutcome } from './operation.js';
import {
  approveTimeRequest,
  createTimeRequest,
  type CreateTimeRequestArgs,
  type DecideTimeRequestArgs,
} from './time-requests.operations.js';

export interface TimeEntryRecord extends WriteOutcome {
  workspaceId: number;
  /** Encrypted UUID; null on a create WebWork answered without one (REFERENCE §10.12) and no read-back found. */
  timeEntryId: string | null;
  userId: number | null;
  contractId: number | null;
  projectId: number | null;
  projectName: string | null;
  taskId: number | null;
  taskTitle: string | null;
  activityDescription: string | null;
  method: string | null;
  date: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationMinutes: number | null;
}

interface WireTimeEntry {
  id?: string | null;
  user_id?: number | null;
  contract_id?: number | null;
  project_id?: number | null;
  project_name?: string | null;
  task_id?: number | null;
  task_title?: string | null;
  activity_description?: string | null;
  method?: string | null;
  date?: string | null;
  start_time?: string | null;
  end_time?: string | null;
  duration_minutes?: number | null;
}

const toTimeEntry = (e: WireTimeEntry, { workspaceId }: { workspaceId: number }): TimeEntryRecord => ({
  workspaceId,
  timeEntryId: e.id == null ? null : String(e.id),
  userId: e.user_id ?? null,
  contractId: e.contract_id ?? null,
  projectId: e.project_id ?? null,
  projectName: e.project_name ?? null,
  taskId: e.task_id ?? null,
  taskTitle: e.task_title ?? null,
  activityDescription: e.activity_description ?? null,
  method: e.method ?? null,
  date: toIsoDate(e.date) ?? toIsoDate(e.start_time),
  startedAt: toIsoDateTime(e.start_time),
  endedAt: toIsoDateTime(e.end_time),
  durationMinutes: e.duration_minutes ?? null,
});

/** This endpoint's documented page maximum (not the 100 of other lists). */
export const TIME_ENTRIES_PAGE_SIZE = 50;

export interface TimeEntriesArgs {
  workspaceId: number;
  userId: number;
  date: string;
  /** Upstream page (of 50). */
  page: number;
}

/** Filed under the workspace's time entries and the member's tracker (start/stop add entries). */
const entryTags = (a: { workspaceId: number; userId: number }) => [
  tags.workspace(a.workspaceId),
  tags.workspaceResource(a.workspaceId, 'time-entries'),
  tags.tracker(a.workspaceId, a.userId),
];

/**
 * `GET /time-entries`: one member's entries on one date (Owners and Executive Managers). Its page
 * maximum is 50, not the 100 the list lifecycle asks for, so each page is a read of its own
 * (one cache entry per page); `timeEntriesOfDay` reads the pages until one is not full.
 */
export const timeEntriesPage = read<TimeEntriesArgs, WireTimeEntry[], TimeEntryRecord[]>({
  name: 'timeEntries',
  path: '/time-entries',
  cache: 'lists',
  query: (a) => ({
    workspace_id: a.workspaceId,
    user_id: a.userId,
    date: a.date,
    page: a.page,
    per_page: TIME_ENTRIES_PAGE_SIZE,
  }),
  tags: entryTags,
  changedBy: [
    // An approved time request becomes a "Manually added time" entry (REFERENCE §9.14 `method`),
    // and doc set A's create "may auto-approve" (§8): both change the member's entries, and with
    // them the reports filed under the same tag. The approval names no member, so the member's
    // tracker total (current-data's timeline minutes) lags by at most the tracker TTL.
    changedBy(approveTimeRequest, (a: DecideTimeRequestArgs) => [
      tags.workspaceResource(a.workspaceId, 'time-entries'),
    ]),
    changedBy(createTimeRequest, (a: CreateTimeRequestArgs) => [
      tags.workspaceResource(a.workspaceId, 'time-entries'),
      tags.tracker(a.workspaceId, a.userId),
    ]),
  ],
  map: (data, a) => (Array.isArray(data) ? data.map((e) => toTimeEntry(e, a)) : []),
});

/** Every entry of one member on one date: pages of 50 until one is not full. */
export async function timeEntriesOfDay(
  reads: Pick<Reads, 'read'>,
  a: Omit<TimeEntriesArgs, 'page'>,
): Promise<TimeEntryRecord[]> {
  const all: TimeEntryRecord[] = [];
  for (let page = 1; ; page++) {
    const items = await reads.read(timeEntriesPage, { ...a, page });
    all.push(...items);
    if (items.length < TIME_ENTRIES_PAGE_SIZE || page >= 100) return all;
  }
}

export interface CreateTimeEntryArgs {
  workspaceId: number;
  userId: number;
  contractId?: number | null;
  taskId?: number | null;
  notes?: string | null;
  date: string;
  /** `HH:mm`. */
  startTime: string;
  endTime: string;
}

/**
 * `POST /time-entries` (201). The documented answer has no `id` (and may save less than asked when
 * it overlaps other entries), so the entry is looked for in the member's entries of that date
 * (same start); when it is not found the answer is what is known, with a null id.
 */
export const createTimeEntry = write<CreateTimeEntryArgs, WireTimeEntry, TimeEntryRecord>({
  name: 'createTimeEntry',
  method: 'POST',
  path: '/time-entries',
  verb: 'create',
  subject: "member's time entries of that date",
  body: (a) => ({
    workspace_id: a.workspaceId,
    user_id: a.userId,
    contract_id: a.contractId,
    task_id: a.taskId,
    notes: a.notes,
    date: a.date,
    start_time: a.startTime,
    end_time: a.endTime,
  }),
  stale: (a) => [
    tags.workspaceResource(a.workspaceId, 'time-entries'),
    tags.tracker(a.workspaceId, a.userId),
  ],
  told: (a, e) => {
    const told = toTimeEntry(e ?? {}, a);
    return {
      ...told,
      userId: told.userId ?? a.userId,
      contractId: told.contractId ?? a.contractId ?? null,
      taskId: told.taskId ?? a.taskId ?? null,
      activityDescription: told.activityDescription ?? a.notes ?? null,
      date: told.date ?? a.date,
    };
  },
  readBack: {
    async read(reads, a) {
      const entries = await timeEntriesOfDay(reads, {
        workspaceId: a.workspaceId,
        userId: a.userId,
        date: a.date,
      });
      return entries.find((e) => e.startedAt?.slice(11, 16) === a.startTime) ?? null;
    },
    // An id WebWork told wins over a guess; otherwise the entry found carries it.
    merge: (fresh, told) => (told.timeEntryId ? { ...fresh, timeEntryId: told.timeEntryId } : fresh),
  },
});

export interface UpdateTimeEntryArgs {
  workspaceId: number;
  timeEntryId: string;
  projectId?: number | null;
  taskId?: number | null;
  notes?: string | null;
  date?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  /** The entry's member, when known: only for the member-scoped invalidation and the read-back. */
  userId?: number | null;
}

const entryWriteStale = (a: { workspaceId: number; userId?: number | null }) => [
  tags.workspaceResource(a.workspaceId, 'time-entries'),
  ...(a.userId == null ? [] : [tags.tracker(a.workspaceId, a.userId)]),
];

/**
 * `PUT /time-entries/{time_entry_id}`: answers no `data`. With `userId` and `date` given, the entry
 * is read back from that member's day; otherwise the answer is the id and what the input said.
 */
export const updateTimeEntry = write<UpdateTimeEntryArgs, unknown, TimeEntryRecord>({
  name: 'updateTimeEntry',
  method: 'PUT',
  path: '/time-entries/{time_entry_id}',
  pathParams: (a) => ({ time_entry_id: a.timeEntryId }),
  verb: 'update',
  subject: 'time entry',
  body: (a) => ({
    workspace_id: a.workspaceId,
    project_id: a.projectId,
    task_id: a.taskId,
    notes: a.notes,
    date: a.date,
    start_time: a.startTime,
    end_time: a.endTime,
  }),
  stale: entryWriteStale,
  told: (a) => ({
    ...toTimeEntry({ id: a.timeEntryId }, a),
    userId: a.userId ?? null,
    projectId: a.projectId ?? null,
    taskId: a.taskId ?? null,
    activityDescription: a.notes ?? null,
    date: a.date ?? null,
  }),
  readBack: {
    async read(reads, a) {
      if (a.userId == null || a.date == null) return null;
      const entries = await timeEntriesOfDay(reads, {
        workspaceId: a.workspaceId,
        userId: a.userId,
        date: a.date,
      });
      return entries.find((e) => e.timeEntryId === a.timeEntryId) ?? null;
    },
  },
});

export interface DeletedTimeEntryRecord extends WriteOutcome {
  workspaceId: number;
  deletedId: string;
}

/** `DELETE /time-entries/{time_entry_id}`: `workspace_id` MUST be in the JSON body (documented). */
export const deleteTimeEntry = write<
  { workspaceId: number; timeEntryId: string; userId?: number | null },
  unknown,
  DeletedTimeEntryRecord
>({
  name: 'deleteTimeEntry',
  method: 'DELETE',
  path: '/time-entries/{time_entry_id}',
  pathParams: (a) => ({ time_entry_id: a.timeEntryId }),
  verb: 'delete',
  subject: 'time entry',
  body: (a) => ({ workspace_id: a.workspaceId }),
  stale: entryWriteStale,
  told: (a) => ({ workspaceId: a.workspaceId, deletedId: a.timeEntryId }),
});
