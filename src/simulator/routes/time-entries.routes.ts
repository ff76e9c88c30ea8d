import type { FastifyInstance } from 'fastify';
import { badRequest, notFound, unprocessable } from '../http/api-error.js';
import { requireRole } from '../http/auth.js';
import { ok, okPage } from '../http/envelope.js';
import { paginate } from '../http/pagination.js';
import {
  assertOrdered,
  optionalDate,
  optionalInt,
  optionalString,
  requiredDate,
  requiredInt,
  type Source,
} from '../http/params.js';
import { ADMIN_ROLES, type TimeEntry } from '../state/model.js';
import type { SimState } from '../state/store.js';
import { isoSeconds } from '../state/time.js';
import { bodyOf, paramsOf, queryOf, type RouteContext, workspaceScope } from './context.js';
import {
  fullName,
  minutesBetween,
  resolveWorkTarget,
  taskOfProject,
  timeEntryView,
  workingMember,
} from './time-entries.views.js';

/**
 * Time entries (REFERENCE §10.12, doc set A only): Owners and Executive managers read and edit the
 * time of any member, one user and one day at a time. Entries are same-day intervals; `start_time`
 * and `end_time` are `HH:mm` on `date` (UTC).
 */
export function registerTimeEntriesRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/time-entries', async (request) => {
    const { state } = ctx;
    const scope = workspaceScope(ctx, request);
    requireRole(scope.membership, ADMIN_ROLES, 'view time entries');
    const query = queryOf(request);
    const userId = requiredInt(query, 'user_id', { min: 1 });
    const date = requiredDate(query, 'date');
    const projectId = optionalInt(query, 'project_id', { min: 1 });
    const taskId = optionalInt(query, 'task_id', { min: 1 });
    const membership = state.membership(scope.workspaceId, userId);
    if (!membership) throw notFound(`user_id ${userId} is not a member of workspace ${scope.workspaceId}`);
    // Assumption (GAPS Time Entries): only finished entries are listed; a running tracker is not
    // an entry until it is stopped (see GET /time-tracking/current-data for it).
    const rows = [...state.timeEntries.values()]
      .filter(
        (e) =>
          e.workspaceId === scope.workspaceId &&
          e.userId === userId &&
          e.start.slice(0, 10) === date &&
          (projectId === undefined || e.projectId === projectId) &&
          (taskId === undefined || e.taskId === taskId),
      )
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((e) => timeEntryView(state, e));
    return okPage(
      paginate(rows, query, { defaultPerPage: 20, maxPerPage: 50 }),
      'Time entries retrieved successfully',
    );
  });

  /**
   * Assumption (GAPS Time Entries, overlaps and limits): the docs say overlaps "may cause partial
   * saves". The simulator saves only the parts of [start_time, end_time) not already covered by
   * the user's other entries in the workspace (one entry per free part) and reports the saved
   * minutes in the top-level `saved_minutes`; if nothing is free it is a 400. `data` is the first
   * saved part. Member/contract weekly limits are not enforced.
   *
   * REFERENCE §10.12 shows the create `data` without `id` (GAPS Time Entries: "`data` is assumed to
   * mirror the TimeEntry object without `id`"): `docs-exact` leaves it out, so a client finds the
   * new entry through `GET /time-entries`; `lenient` includes it (profile `timeEntryCreateReturnsId`).
   */
  app.post('/time-entries', async (request, reply) => {
    const { state } = ctx;
    const scope = workspaceScope(ctx, request);
    requireRole(scope.membership, ADMIN_ROLES, 'add time entries');
    const body = bodyOf(request);
    const userId = requiredInt(body, 'user_id', { min: 1 });
    const { user } = workingMember(state, scope.workspaceId, userId);
    const target = resolveWorkTarget(
      state,
      scope.workspaceId,
      userId,
      optionalInt(body, 'contract_id', { min: 1 }),
      optionalInt(body, 'task_id', { min: 1 }),
    );
    const notes = notesOf(body);
    const date = requiredDate(body, 'date');
    const start = clockOn(date, requiredClock(body, 'start_time'));
    const end = clockOn(date, requiredClock(body, 'end_time'));
    assertOrdered('start_time', start, 'end_time', end, true);

    const busy = userEntries(state, scope.workspaceId, userId);
    const free = freeParts(start.getTime(), end.getTime(), busy);
    if (free.length === 0) {
      throw badRequest(
        `The whole interval ${isoSeconds(start)} - ${isoSeconds(end)} overlaps existing time entries of user_id ${userId}; nothing was saved`,
      );
    }
    const saved = free.map(([from, to]) => {
      const entry: TimeEntry = {
        id: state.uuid(),
        workspaceId: scope.workspaceId,
        userId,
        contractId: target.contract?.id ?? null,
        projectId: target.project?.id ?? null,
        taskId: target.task?.id ?? null,
        activityDescription: notes ?? null,
        method: 'Manually added time',
        start: isoSeconds(new Date(from)),
        end: isoSeconds(new Date(to)),
      };
      state.timeEntries.set(entry.id, entry);
      return entry;
    });
    const savedMinutes = saved.reduce((sum, e) => sum + minutesBetween(e.start, e.end), 0);
    const requested = minutesBetween(start, end);
    let message = `${hoursText(savedMinutes)} successfully added for ${fullName(user)}.`;
    if (savedMinutes < requested) {
      message += ` ${hoursText(requested - savedMinutes)} overlapped existing time entries and was not saved.`;
    }
    void reply.status(201);
    const { id, ...withoutId } = timeEntryView(state, saved[0]!);
    const data = ctx.profile.timeEntryCreateReturnsId ? { id, ...withoutId } : withoutId;
    return ok(data, message, { saved_minutes: savedMinutes });
  });

  /**
   * Partial update: a field that is not sent is kept; only one of start_time/end_time keeps the
   * other; `date` alone moves the entry, keeping its clock times.
   *
   * Assumption (GAPS Time Entries, update): `project_id` switches the entry to the user's contract
   * on that project (422 if the user has none; null clears project, contract and task); `task_id`
   * must belong to the resulting project. An update that would overlap another entry of the user
   * is a 400 (an update cannot be partially saved).
   */
  app.put('/time-entries/:time_entry_id', async (request) => {
    const { state } = ctx;
    const scope = workspaceScope(ctx, request);
    requireRole(scope.membership, ADMIN_ROLES, 'update time entries');
    const entry = findEntry(state, scope.workspaceId, paramsOf(request).time_entry_id);
    const body = bodyOf(request);

    const date = optionalDate(body, 'date') ?? entry.start.slice(0, 10);
    const startClock = optionalClock(body, 'start_time') ?? entry.start.slice(11, 16);
    const endClock = optionalClock(body, 'end_time') ?? entry.end.slice(11, 16);
    const start = clockOn(date, startClock);
    const end = clockOn(date, endClock);
    assertOrdered('start_time', start, 'end_time', end, true);

    let { contractId, projectId, taskId } = entry;
    if (body.project_id === null) {
      contractId = projectId = taskId = null;
    } else {
      const newProject = optionalInt(body, 'project_id', { min: 1 });
      if (newProject !== undefined && newProject !== projectId) {
        const contract = state
          .contractsOf(scope.workspaceId)
          .find((c) => c.userId === entry.userId && c.projectId === newProject);
        if (!contract) {
          throw unprocessable(
            `user_id ${entry.userId} has no contract on project_id ${newProject} in workspace ${scope.workspaceId}`,
          );
        }
        contractId = contract.id;
        projectId = newProject;
        taskId = null;
      }
    }
    if (body.task_id === null) {
      taskId = null;
    } else {
      const newTask = optionalInt(body, 'task_id', { min: 1 });
      if (newTask !== undefined) {
        if (projectId === null) throw badRequest('task_id needs a project: the entry has no project_id');
        taskId = taskOfProject(state, scope.workspaceId, projectId, newTask).id;
      }
    }
    const notes = notesOf(body);

    const clash = userEntries(state, scope.workspaceId, entry.userId).find(
      ([from, to, id]) => id !== entry.id && from < end.getTime() && to > start.getTime(),
    );
    if (clash) {
      throw badRequest(
        `The new interval overlaps time entry ${clash[2]} (${isoSeconds(new Date(clash[0]))} - ${isoSeconds(new Date(clash[1]))})`,
      );
    }
    Object.assign(entry, {
      contractId,
      projectId,
      taskId,
      start: isoSeconds(start),
      end: isoSeconds(end),
      ...(notes === undefined ? {} : { activityDescription: notes }),
    });
    return ok(undefined, 'Time entry updated successfully');
  });

  /** The docs are explicit that DELETE takes `workspace_id` in the JSON body (not the query). */
  app.delete('/time-entries/:time_entry_id', async (request) => {
    const { state } = ctx;
    const fromBody = bodyOf(request).workspace_id;
    if (fromBody === undefined || fromBody === null || fromBody === '') {
      throw badRequest('workspace_id is required in request body');
    }
    const scope = workspaceScope(ctx, request);
    requireRole(scope.membership, ADMIN_ROLES, 'delete time entries');
    const entry = findEntry(state, scope.workspaceId, paramsOf(request).time_entry_id);
    state.timeEntries.delete(entry.id);
    return ok(undefined, 'Time entry deleted successfully');
  });
}

function findEntry(state: SimState, workspaceId: number, id: unknown): TimeEntry {
  const entry = typeof id === 'string' ? state.timeEntries.get(id) : undefined;
  if (!entry || entry.workspaceId !== workspaceId) {
    throw notFound(`Time entry ${String(id)} not found in workspace ${workspaceId}`);
  }
  return entry;
}

/** `notes` (doc set A) becomes the entry's activity description; null clears it. */
function notesOf(body: Source): string | null | undefined {
  if (body.notes === null) return null;
  return optionalString(body, 'notes', { maxLength: 1000 });
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

function optionalClock(source: Source, name: string): string | undefined {
  const raw = source[name];
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string' || !CLOCK.test(raw)) {
    throw unprocessable(`${name} must be a time in HH:mm format (e.g. 09:00), got ${JSON.stringify(raw)}`);
  }
  return raw;
}

function requiredClock(source: Source, name: string): string {
  const value = optionalClock(source, name);
  if (value === undefined) throw badRequest(`${name} is required`);
  return value;
}

const clockOn = (date: string, clock: string) => new Date(`${date}T${clock}:00Z`);

/** [startMs, endMs, id] of the user's entries in the workspace. */
function userEntries(state: SimState, workspaceId: number, userId: number): Array<[number, number, string]> {
  return [...state.timeEntries.values()]
    .filter((e) => e.workspaceId === workspaceId && e.userId === userId)
    .map((e) => [Date.parse(e.start), Date.parse(e.end), e.id]);
}

/** The parts of [from, to) not covered by `busy`, in order; parts under a minute are dropped. */
function freeParts(from: number, to: number, busy: Array<[number, number, string]>): Array<[number, number]> {
  const overlapping = busy.filter(([s, e]) => s < to && e > from).sort((a, b) => a[0] - b[0]);
  const parts: Array<[number, number]> = [];
  let cursor = from;
  for (const [s, e] of overlapping) {
    if (s > cursor) parts.push([cursor, Math.min(s, to)]);
    cursor = Math.max(cursor, e);
    if (cursor >= to) break;
  }
  if (cursor < to) parts.push([cursor, to]);
  return parts.filter(([s, e]) => e - s >= 60_000);
}

/** 480 → "8 hr", 90 → "1 hr 30 min", 45 → "45 min" (the docs' "8 hr successfully added ..."). */
function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} hr` : '', m || !h ? `${m} min` : ''].filter(Boolean).join(' ');
}
