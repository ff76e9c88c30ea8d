import { tags } from '../cache/keys.js';
import { toIsoDate, toIsoDateTime } from './dates.js';
import type { TrackerSource } from '../live/live-event.js';
import { read, type Reads, write, type WriteOutcome } from './operation.js';

export interface TrackerRecord extends WriteOutcome {
  workspaceId: number;
  userId: number;
  /** Null: not known (the rate budget could not cover a read, and the live store never saw it). */
  isRunning: boolean | null;
  contractId: number | null;
  projectId: number | null;
  taskId: number | null;
  taskTitle: string | null;
  activityDescription: string | null;
  startedAt: string | null;
  /** Tracked today (time entries plus the running tracker), in seconds; null when not read back. */
  todaySeconds: number | null;
  date: string | null;
  /** ISO 8601 UTC: when this was true (the upstream answer's time, the event's, the write's). */
  asOf: string;
  source: TrackerSource;
  /** ISO 8601 UTC: since when an unknown tracker waits for the budget; null when known. */
  pendingSince: string | null;
}

/** Stamped when WebWork answered (inside the cached load), so a cached record keeps its real age. */
const known = (source: TrackerSource) => ({ asOf: new Date().toISOString(), source, pendingSince: null });

interface WireCurrentData {
  contract_id?: number | null;
  project_id?: number | null;
  user_id?: number;
  activity_description?: string | null;
  task_id?: number | null;
  task_title?: string | null;
  total_seconds?: number;
  total_minutes?: number;
  date?: string;
  is_running?: boolean;
  start_time?: string | null;
}

interface WireStart {
  start_time?: string;
  contract_id?: number | null;
  project_id?: number | null;
  task_id?: number | null;
  task_title?: string | null;
  activity_description?: string | null;
}

export interface TrackerArgs {
  workspaceId: number;
  userId: number;
}

export interface StartTrackingArgs extends TrackerArgs {
  contractId?: number | null;
  taskId?: number | null;
  activityDescription?: string | null;
}

/**
 * `GET /time-tracking/current-data`: one member's live tracker. There is no batch endpoint, so this
 * is one upstream call per member, cached briefly; staleness here is not harmless (a stopped timer
 * shown running), so there is no stale-while-revalidate, only a stale fallback when WebWork cannot
 * answer.
 *
 * What REFERENCE §10.11 documents, and what the gateway derives from it:
 * - Today's time: `total_minutes` is "timeline minutes for the date + running tracker minutes" and
 *   `total_seconds` only the "remainder seconds of the running tracker after converting to
 *   minutes" (the seed), so today = `total_minutes * 60 + total_seconds`.
 * - Running or not (no documented flag; `is_running` is honoured when sent, as the lenient
 *   simulator does): running when the answer names what runs (`contract_id`, `task_id` or
 *   `activity_description`) or the running tracker has remainder seconds (`total_seconds > 0`).
 *   Never from `total_seconds` alone: it is 0 once a minute while a tracker runs. Assumption (GAPS
 *   Time Tracking, idle answer): idle is a 200 with those fields null. The one case the documented
 *   fields cannot tell from idle is a tracker started with no contract, task or description, read
 *   in its first second or on a whole minute; the start mutation's own answer still says it runs.
 * - Started at: current-data documents no start time, so `startedAt` is null here (unless a
 *   `start_time` is sent); the start's answer carries the documented `start_time`.
 * - REFERENCE §10.11: current-data "only works when the tracker was started from the API or the
 *   browser": a tracker running from the desktop app reads as idle, and the gateway cannot know.
 * - Who may call: Owners and Executive Managers only, `user_id` required (the seed): other roles
 *   get FORBIDDEN from WebWork on this field.
 */
export const trackerCurrent = read<TrackerArgs, WireCurrentData, TrackerRecord>({
  name: 'tracker',
  path: '/time-tracking/current-data',
  cache: 'tracker',
  staleWhileRevalidate: false,
  query: (a) => ({ workspace_id: a.workspaceId, user_id: a.userId }),
  tags: (a) => [tags.workspace(a.workspaceId), tags.tracker(a.workspaceId, a.userId)],
  map: (d = {}, { workspaceId, userId }) => ({
    workspaceId,
    userId,
    isRunning: d.is_running ?? runsByDocumentedFields(d),
    contractId: d.contract_id ?? null,
    projectId: d.project_id ?? null,
    taskId: d.task_id ?? null,
    taskTitle: d.task_title ?? null,
    activityDescription: d.activity_description ?? null,
    startedAt: toIsoDateTime(d.start_time),
    todaySeconds: (d.total_minutes ?? 0) * 60 + (d.total_seconds ?? 0),
    date: toIsoDate(d.date),
    ...known('UPSTREAM_READ'),
  }),
});

/** The running rule above, from documented fields only. */
function runsByDocumentedFields(d: WireCurrentData): boolean {
  const names = d.contract_id != null || d.task_id != null;
  const described = d.activity_description != null && d.activity_description !== '';
  return names || described || (d.total_seconds ?? 0) > 0;
}

/**
 * Start or stop: the member's live state. Reads built from time entries (timesheets, ...) declare
 * their own dependency on these writes (`changedBy`).
 */
const trackingStale = (a: TrackerArgs) => [tags.tracker(a.workspaceId, a.userId)];

const readTracker = (reads: Reads, a: TrackerArgs) =>
  reads.read(trackerCurrent, { workspaceId: a.workspaceId, userId: a.userId });

/** What a tracker tracking nothing says, apart from whether it runs (stopped, or not known yet). */
export const NOTHING_TRACKED = {
  contractId: null,
  projectId: null,
  taskId: null,
  taskTitle: null,
  activityDescription: null,
  startedAt: null,
} as const;

/** What a stopped tracker looks like, whatever the read-back said. */
const STOPPED = { isRunning: false, ...NOTHING_TRACKED } as const;

/**
 * `POST /time-tracking/start`. If WebWork processes starts asynchronously (doc set B) and the
 * read-back does not show it yet, the start's answer fills in. Today's totals are only known from
 * a read-back; the start time only from the start's documented `start_time` (current-data has
 * none), so the read-back keeps it.
 */
export const startTracking = write<StartTrackingArgs, WireStart, TrackerRecord>({
  name: 'startTracking',
  method: 'POST',
  path: '/time-tracking/start',
  verb: 'start',
  subject: 'tracker',
  body: (a) => ({
    workspace_id: a.workspaceId,
    user_id: a.userId,
    contract_id: a.contractId,
    task_id: a.taskId,
    activity_description: a.activityDescription,
  }),
  stale: trackingStale,
  told: (a, s) => ({
    workspaceId: a.workspaceId,
    userId: a.userId,
    isRunning: true,
    contractId: s?.contract_id ?? a.contractId ?? null,
    projectId: s?.project_id ?? null,
    taskId: s?.task_id ?? a.taskId ?? null,
    taskTitle: s?.task_title ?? null,
    activityDescription: s?.activity_description ?? a.activityDescription ?? null,
    startedAt: toIsoDateTime(s?.start_time),
    todaySeconds: null,
    date: null,
    ...known('MUTATION'),
  }),
  readBack: {
    read: readTracker,
    merge: (fresh, told) =>
      fresh.isRunning
        ? { ...fresh, startedAt: fresh.startedAt ?? told.startedAt }
        : { ...fresh, ...told, todaySeconds: fresh.todaySeconds, date: fresh.date },
    applied: (state, a) =>
      state.isRunning === true && (a.contractId == null || state.contractId === a.contractId),
  },
});

/** `POST /time-tracking/stop`. */
export const stopTracking = write<TrackerArgs, unknown, TrackerRecord>({
  name: 'stopTracking',
  method: 'POST',
  path: '/time-tracking/stop',
  verb: 'stop',
  subject: 'tracker',
  body: (a) => ({ workspace_id: a.workspaceId, user_id: a.userId }),
  stale: trackingStale,
  told: (a) => ({
    workspaceId: a.workspaceId,
    userId: a.userId,
    ...STOPPED,
    todaySeconds: null,
    date: null,
    ...known('MUTATION'),
  }),
  readBack: {
    read: readTracker,
    merge: (fresh) => (fresh.isRunning ? { ...fresh, ...STOPPED } : fresh),
    applied: (state) => state.isRunning === false,
  },
});
