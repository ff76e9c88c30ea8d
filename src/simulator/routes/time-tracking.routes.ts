import type { FastifyInstance } from 'fastify';
import { badRequest, forbidden, notFound } from '../http/api-error.js';
import { ok } from '../http/envelope.js';
import { requireRole } from '../http/auth.js';
import { optionalInt, optionalString, requiredInt, type Source } from '../http/params.js';
import type { Profile } from '../profile.js';
import { ADMIN_ROLES, type Tracker } from '../state/model.js';
import { memberKey, type SimState } from '../state/store.js';
import { isoOffset, isoSeconds, ymd } from '../state/time.js';
import { bodyOf, queryOf, type RouteContext, workspaceScope, type WorkspaceScope } from './context.js';
import { entryFromTracker, fullName, resolveWorkTarget, workingMember } from './time-entries.views.js';

/**
 * Time tracking (REFERENCE §10.11): a state machine over `state.trackers`, at most one running
 * tracker per user and workspace (key `workspaceId:userId`). Start while running and stop while
 * idle are 400s; stopping turns the tracker into a TimeEntry with method "Web tracker".
 */
export function registerTimeTrackingRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post('/time-tracking/start', async (request) => {
    const { state } = ctx;
    const scope = workspaceScope(ctx, request);
    const body = bodyOf(request);
    const userId = targetUser(ctx.profile, scope, body, 'start time tracking');
    workingMember(state, scope.workspaceId, userId);
    const contractId = optionalInt(body, 'contract_id', { min: 1 });
    const taskId = optionalInt(body, 'task_id', { min: 1 });
    const activity = optionalString(body, 'activity_description', { maxLength: 1000 }) ?? null;
    const target = resolveWorkTarget(state, scope.workspaceId, userId, contractId, taskId);
    const key = memberKey(scope.workspaceId, userId);
    const running = state.trackers.get(key);
    if (running) {
      throw badRequest(
        `user_id ${userId} already has a running tracker (started ${running.startedAt}); stop it first`,
      );
    }
    const tracker: Tracker = {
      source: 'api',
      workspaceId: scope.workspaceId,
      userId,
      contractId: target.contract?.id ?? null,
      projectId: target.project?.id ?? null,
      taskId: target.task?.id ?? null,
      activityDescription: activity,
      startedAt: isoSeconds(ctx.now()),
    };
    state.trackers.set(key, tracker);
    const view = trackerView(state, tracker);
    ctx.events.emit('tracker.started', scope.workspaceId, view);
    const message = 'Time tracking started successfully';
    // Doc set A: the message is repeated inside `data` (for bots that forward `data` as is).
    return ok({ message, ...view }, message);
  });

  app.post('/time-tracking/stop', async (request) => {
    const { state } = ctx;
    const scope = workspaceScope(ctx, request);
    const userId = targetUser(ctx.profile, scope, bodyOf(request), 'stop time tracking');
    const key = memberKey(scope.workspaceId, userId);
    const tracker = state.trackers.get(key);
    if (!tracker)
      throw badRequest(`user_id ${userId} has no running tracker in workspace ${scope.workspaceId}`);
    const stoppedAt = ctx.now();
    const entry = entryFromTracker(tracker, state.uuid(), isoSeconds(stoppedAt), ctx.profile);
    state.trackers.delete(key);
    state.timeEntries.set(entry.id, entry);
    const stopped_at = isoOffset(stoppedAt);
    ctx.events.emit('tracker.stopped', scope.workspaceId, {
      ...trackerView(state, tracker),
      stopped_at,
      time_entry_id: entry.id,
      duration_seconds: Math.floor((stoppedAt.getTime() - Date.parse(tracker.startedAt)) / 1000),
    });
    const message = 'Time tracking stopped successfully';
    return ok({ message, stopped_at }, message);
  });

  /**
   * Today's (UTC) total for a user: whole minutes of today's time entries plus the running
   * tracker's time since max(start, today 00:00); `total_seconds` is the running tracker's
   * remainder seconds after those minutes, in both profiles. REFERENCE §10.11: "`total_seconds` |
   * integer | no |  | 9 | Remainder seconds of the running tracker after converting to minutes";
   * "`total_minutes` | ... | Timeline minutes for the date + running tracker minutes".
   *
   * Assumption (GAPS Time Tracking, current-data when idle): no running tracker is a 200 with
   * `contract_id`, `task_id`, `task_title` and `activity_description` null and today's totals from
   * time entries only. `lenient` adds two fields no doc shows, so a client can tell "idle" from "a
   * tracker without a contract": `is_running` (boolean) and `start_time` (ISO 8601 with offset, or
   * null); `docs-exact` does not (profile `undocumentedFields`).
   *
   * REFERENCE §10.11: current-data "Only works when the tracker was started from the API or the
   * browser". `docs-exact` (profile `currentDataSeesDesktopTrackers`) reports a tracker running
   * from the desktop app as idle; `lenient` treats every tracker as started from the API.
   */
  app.get('/time-tracking/current-data', async (request) => {
    const { state, profile } = ctx;
    const scope = workspaceScope(ctx, request);
    const userId = targetUser(profile, scope, queryOf(request), 'view tracker data');
    memberForRead(state, scope.workspaceId, userId);
    const now = ctx.now();
    const today = ymd(now);
    const midnight = Date.parse(`${today}T00:00:00Z`);
    let entrySeconds = 0;
    for (const entry of state.timeEntries.values()) {
      if (entry.workspaceId !== scope.workspaceId || entry.userId !== userId) continue;
      if (entry.start.slice(0, 10) !== today) continue;
      entrySeconds += Math.max(0, (Date.parse(entry.end) - Date.parse(entry.start)) / 1000);
    }
    const found = state.trackers.get(memberKey(scope.workspaceId, userId));
    const tracker =
      found?.source === 'desktop' && !profile.currentDataSeesDesktopTrackers ? undefined : found;
    const runningSeconds = tracker
      ? Math.max(0, Math.floor((now.getTime() - Math.max(Date.parse(tracker.startedAt), midnight)) / 1000))
      : 0;
    const task = tracker?.taskId ? state.tasks.get(tracker.taskId) : undefined;
    return ok(
      {
        contract_id: tracker?.contractId ?? null,
        user_id: userId,
        activity_description: tracker?.activityDescription ?? null,
        task_id: tracker?.taskId ?? null,
        task_title: task?.title ?? null,
        total_seconds: runningSeconds % 60,
        total_minutes: Math.floor(entrySeconds / 60) + Math.floor(runningSeconds / 60),
        date: today,
        ...(profile.undocumentedFields
          ? {
              is_running: Boolean(tracker),
              start_time: tracker ? isoOffset(new Date(tracker.startedAt)) : null,
            }
          : {}),
      },
      'Current tracker data retrieved successfully',
    );
  });
}

/**
 * Whose tracker. `user_id` is required by doc set A; doc set B says the call acts on the
 * authenticated user.
 *
 * `docs-exact` follows the seed (REFERENCE §0, doc set A governs start, stop and current-data):
 * Owners and Executive Managers only (403 for every other role, even for themselves), and
 * `user_id` is required (400).
 *
 * Assumption (GAPS Time Tracking, who may call), `lenient`: Owners and Executive managers act for
 * any member (doc set A); every other role may act only for THEMSELVES (doc set B allows Regular
 * Users to track for themselves; the simulator extends that to current-data and to all non-admin
 * roles). A missing `user_id` means the caller (doc set B's "authenticated user").
 */
function targetUser(profile: Profile, scope: WorkspaceScope, source: Source, action: string): number {
  if (!profile.trackingForSelf) {
    requireRole(scope.membership, ADMIN_ROLES, action);
    return requiredInt(source, 'user_id', { min: 1 });
  }
  const self = scope.caller.user.id;
  const userId = optionalInt(source, 'user_id', { min: 1 }) ?? self;
  if (userId !== self && !ADMIN_ROLES.includes(scope.membership.role)) {
    throw forbidden(
      `Only Owners and Executive Managers can ${action} for other members; your role is "${scope.membership.role}" (you may use your own user_id ${self})`,
    );
  }
  return userId;
}

/** Reads allow inactive members (they have history); unknown or archived (`left`) users are a 404. */
function memberForRead(state: SimState, workspaceId: number, userId: number): void {
  const membership = state.membership(workspaceId, userId);
  if (!membership || membership.status === 'left') {
    throw notFound(`user_id ${userId} is not a member of workspace ${workspaceId}`);
  }
}

/** The doc set A "rich" start response (without `message`), also the tracker.* webhook payload. */
function trackerView(state: SimState, tracker: Tracker): Record<string, unknown> {
  const user = state.users.get(tracker.userId);
  const project = tracker.projectId === null ? undefined : state.projects.get(tracker.projectId);
  const task = tracker.taskId === null ? undefined : state.tasks.get(tracker.taskId);
  return {
    start_time: isoOffset(new Date(tracker.startedAt)),
    contract_id: tracker.contractId,
    project_id: tracker.projectId,
    task_id: tracker.taskId,
    activity_description: tracker.activityDescription,
    user_id: tracker.userId,
    user_name: fullName(user),
    user_email: user?.email ?? null,
    project_name: project?.name ?? null,
    task_title: task?.title ?? null,
  };
}
