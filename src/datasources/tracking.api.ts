import { tags } from '../cache/keys.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { Caller } from './caller.js';
import { toIsoDate, toIsoDateTime } from './dates.js';
import type { DatasourceDeps } from './deps.js';
import { staleAfter } from './invalidation.js';

export interface TrackerRecord {
  workspaceId: number;
  userId: number;
  isRunning: boolean;
  contractId: number | null;
  projectId: number | null;
  taskId: number | null;
  taskTitle: string | null;
  activityDescription: string | null;
  startedAt: string | null;
  /** Tracked today (time entries plus the running tracker), in seconds; null when not read back. */
  todaySeconds: number | null;
  date: string | null;
  /**
   * Set on the answer of a write that WebWork applied but whose state could not be read back: only
   * what the write's response and its input tell is filled in. Never cached (reads do not set it).
   */
  readBackFailed?: true;
}

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

export interface StartTrackingInput {
  workspaceId: number;
  userId: number;
  contractId?: number | null;
  taskId?: number | null;
  activityDescription?: string | null;
}

/**
 * Assumption (GAPS: Time Tracking): `current-data` has no documented "running" flag. The
 * simulator adds `is_running` and `start_time`; against an API without them, a tracker counts as
 * running when it names a contract or has running seconds.
 */
const toTracker = (workspaceId: number, userId: number, d: WireCurrentData): TrackerRecord => ({
  workspaceId,
  userId,
  isRunning: d.is_running ?? (d.contract_id != null || (d.total_seconds ?? 0) > 0),
  contractId: d.contract_id ?? null,
  projectId: d.project_id ?? null,
  taskId: d.task_id ?? null,
  taskTitle: d.task_title ?? null,
  activityDescription: d.activity_description ?? null,
  startedAt: toIsoDateTime(d.start_time),
  todaySeconds: (d.total_minutes ?? 0) * 60 + (d.total_seconds ?? 0),
  date: toIsoDate(d.date),
});

/** What a stopped tracker looks like, whatever the read-back said. */
const STOPPED = {
  isRunning: false,
  contractId: null,
  projectId: null,
  taskId: null,
  taskTitle: null,
  activityDescription: null,
  startedAt: null,
} as const;

/** `GET /time-tracking/current-data`, `POST /time-tracking/start`, `POST /time-tracking/stop`. */
export class TrackingApi {
  constructor(private readonly deps: DatasourceDeps) {}

  /**
   * One member's live tracker. There is no batch endpoint, so this is one upstream call per member,
   * cached briefly; staleness here is not harmless (a stopped timer shown running), so there is no
   * stale-while-revalidate, only a stale fallback when WebWork cannot answer.
   */
  current(caller: Caller, workspaceId: number, userId: number): Promise<TrackerRecord> {
    const query = { workspace_id: workspaceId, user_id: userId };
    const policy = {
      ttlSeconds: this.deps.cacheConfig.ttl.tracker,
      staleSeconds: this.deps.cacheConfig.staleSeconds,
      staleWhileRevalidate: false,
      tags: [tags.workspace(workspaceId), tags.tracker(workspaceId, userId)],
    };
    return this.deps.reader.read(caller, 'tracker', query, policy, async () => {
      const envelope = await this.deps.upstream.get<WireCurrentData>(
        caller,
        '/time-tracking/current-data',
        query,
      );
      return toTracker(workspaceId, userId, envelope.data ?? {});
    });
  }

  /**
   * Starts a tracker: exactly one upstream call (never retried; if it fails, its error and nothing
   * else), then the cached reads it makes stale are invalidated and the state is read back. If
   * WebWork processes starts asynchronously (doc set B) and the read-back does not show it yet, the
   * start response fills in. If the read-back fails, the start still happened: the answer is what
   * the start response and the input tell, marked `readBackFailed`, not an error inviting a retry
   * (a retry would start a second tracker or be refused as already running).
   */
  async start(caller: Caller, input: StartTrackingInput): Promise<TrackerRecord> {
    const body = {
      workspace_id: input.workspaceId,
      user_id: input.userId,
      ...(input.contractId == null ? {} : { contract_id: input.contractId }),
      ...(input.taskId == null ? {} : { task_id: input.taskId }),
      ...(input.activityDescription == null ? {} : { activity_description: input.activityDescription }),
    };
    let started;
    try {
      started = await this.deps.upstream.send<WireStart>(caller, 'POST', '/time-tracking/start', { body });
    } catch (error) {
      return this.settleUnknownOutcome(
        error,
        caller,
        input.workspaceId,
        input.userId,
        'start',
        (state) => state.isRunning && (input.contractId == null || state.contractId === input.contractId),
      );
    }
    await this.deps.reader.invalidate(staleAfter.tracking(input.workspaceId, input.userId));
    const s = started.data ?? {};
    const told = {
      isRunning: true,
      contractId: s.contract_id ?? input.contractId ?? null,
      projectId: s.project_id ?? null,
      taskId: s.task_id ?? input.taskId ?? null,
      taskTitle: s.task_title ?? null,
      activityDescription: s.activity_description ?? input.activityDescription ?? null,
      startedAt: toIsoDateTime(s.start_time),
    };
    const fresh = await this.readBack(caller, input.workspaceId, input.userId);
    if (!fresh) return notReadBack(input.workspaceId, input.userId, told);
    return fresh.isRunning ? fresh : { ...fresh, ...told };
  }

  /** Stops a tracker: one upstream call, never retried; then invalidate and read back (as `start`). */
  async stop(caller: Caller, workspaceId: number, userId: number): Promise<TrackerRecord> {
    try {
      await this.deps.upstream.send(caller, 'POST', '/time-tracking/stop', {
        body: { workspace_id: workspaceId, user_id: userId },
      });
    } catch (error) {
      return this.settleUnknownOutcome(
        error,
        caller,
        workspaceId,
        userId,
        'stop',
        (state) => !state.isRunning,
      );
    }
    await this.deps.reader.invalidate(staleAfter.tracking(workspaceId, userId));
    const fresh = await this.readBack(caller, workspaceId, userId);
    if (!fresh) return notReadBack(workspaceId, userId, STOPPED);
    return fresh.isRunning ? { ...fresh, ...STOPPED } : fresh;
  }

  /**
   * A write that timed out may still have been applied (WebWork handled it and answered too late).
   * Repeating it is not safe, so the state is read (never the write re-sent): if it shows the write's
   * effect, the write is reported as done; otherwise the timeout stands, saying the outcome is unknown
   * (a start can still land after the read). Any other failure is rethrown: WebWork answered, so it
   * did not apply the write.
   */
  private async settleUnknownOutcome(
    error: unknown,
    caller: Caller,
    workspaceId: number,
    userId: number,
    action: 'start' | 'stop',
    applied: (state: TrackerRecord) => boolean,
  ): Promise<TrackerRecord> {
    if (!(error instanceof GatewayError) || error.code !== 'UPSTREAM_TIMEOUT') throw error;
    await this.deps.reader.invalidate(staleAfter.tracking(workspaceId, userId));
    const state = await this.readBack(caller, workspaceId, userId);
    if (state && applied(state)) return state;
    throw new GatewayError(
      'UPSTREAM_TIMEOUT',
      `WebWork did not answer the ${action} in time, and whether it was applied is not known yet. Read the tracker before sending the ${action} again.`,
    );
  }

  /**
   * The state after a write, or null when it cannot be read for any reason (5xx, timeout, rate
   * limit, ...): the write is done either way, so its answer must not become an error.
   */
  private async readBack(caller: Caller, workspaceId: number, userId: number): Promise<TrackerRecord | null> {
    try {
      return await this.current(caller, workspaceId, userId);
    } catch {
      return null;
    }
  }
}

/** A write's answer when its read-back failed: what the write told, today's totals unknown. */
function notReadBack(
  workspaceId: number,
  userId: number,
  told: Omit<TrackerRecord, 'workspaceId' | 'userId' | 'todaySeconds' | 'date'>,
): TrackerRecord {
  return { workspaceId, userId, ...told, todaySeconds: null, date: null, readBackFailed: true };
}
