import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, forbidden, notFound, unprocessable } from '../http/api-error.js';
import { isAdmin, memberActedFor, requireRole } from '../http/auth.js';
import { ok, okPage } from '../http/envelope.js';
import { paginate } from '../http/pagination.js';
import {
  assertOrdered,
  optionalDate,
  optionalEnum,
  optionalInt,
  optionalString,
  requiredDateTime,
  requiredInt,
  requiredString,
} from '../http/params.js';
import { ADMIN_ROLES, type TimeEntry, type TimeRequest } from '../state/model.js';
import { isoSeconds } from '../state/time.js';
import { actionData, bodyOf, paramsOf, queryOf, type RouteContext, workspaceScope } from './context.js';
import { timeRequestView } from './time-requests.views.js';

/**
 * Time requests (REFERENCE §10.8): a member asks for manual time; an Owner or Executive Manager
 * approves or rejects it once (pending → approved | rejected; a second decision is a 400).
 *
 * Assumption (GAPS Time Requests): lists and single reads are role-filtered: Owners and Executive
 * Managers see every request, other members only their own (reading someone else's is a 403).
 * Project viewers (read-only clients) cannot create requests.
 */
export function registerTimeRequestsRoutes(app: FastifyInstance, ctx: RouteContext): void {
  /**
   * Assumption (GAPS Time Requests): `date_from`/`date_to` are required by doc set A and optional in
   * doc set B; the union accepts them missing (no filter). Given, they keep requests whose start
   * date (UTC) is in the inclusive range, and `date_to` before `date_from` is a 422.
   */
  app.get('/time-requests', async (request) => {
    const { caller, workspaceId, membership } = workspaceScope(ctx, request);
    const query = queryOf(request);
    const status = optionalEnum(query, 'status', ['pending', 'approved', 'rejected']);
    const userId = optionalInt(query, 'user_id', { min: 1 });
    const projectId = optionalInt(query, 'project_id', { min: 1 });
    const id = optionalString(query, 'id');
    const dateFrom = optionalDate(query, 'date_from');
    const dateTo = optionalDate(query, 'date_to');
    if (dateFrom && dateTo) assertOrdered('date_from', dateFrom, 'date_to', dateTo);
    const admin = isAdmin(membership.role);
    const rows = [...ctx.state.timeRequests.values()]
      .filter(
        (r) =>
          r.workspaceId === workspaceId &&
          (admin || r.userId === caller.user.id) &&
          (status === undefined || r.status === status) &&
          (userId === undefined || r.userId === userId) &&
          (projectId === undefined || r.projectId === projectId) &&
          (id === undefined || r.id === id) &&
          (dateFrom === undefined || r.start.slice(0, 10) >= dateFrom) &&
          (dateTo === undefined || r.start.slice(0, 10) <= dateTo),
      )
      .map((r) => timeRequestView(r, ctx.profile));
    return okPage(
      paginate(rows, query),
      'Time requests retrieved successfully',
      ctx.profile.paginationOnEveryList,
    );
  });

  /**
   * The body and response follow profile `timeRequestCreate` (REFERENCE §8: doc set A "create:
   * `contract_id` optional, `activity_description`, ... create returns `{id,status}`"; doc set B
   * "create: `contract_id` required, `notes`, always pending, returns full object"):
   * - `union` (`lenient`): both bodies, `notes` (B) or `activity_description` (A); `contract_id`
   *   optional (A); the response is the full TimeRequest (B), a superset of A's `{id, status}`.
   * - `doc-set-a` (`docs-exact`): the text is read from `activity_description` only (a `notes` field
   *   is ignored, as an unknown field is); the response is `{id, status}`.
   *
   * Assumption (GAPS Time Requests): requests are always created `pending` (doc set B); doc set A's
   * auto-approval settings are not simulated. Owners/Executive Managers may request time for any
   * member, other members only for themselves. A given contract must be the user's (422); a task
   * must belong to the contract's project (422) and, without a contract, sets the project.
   */
  app.post('/time-requests', async (request, reply) => {
    const { caller, workspaceId, membership } = workspaceScope(ctx, request);
    if (membership.role === 'Project viewer') {
      throw forbidden('Project viewers cannot create time requests; your role is "Project viewer"');
    }
    const { state } = ctx;
    const body = bodyOf(request);
    const userId = requiredInt(body, 'user_id', { min: 1 });
    memberActedFor(state, { caller, workspaceId, membership }, userId, 'request time');
    const contractId = optionalInt(body, 'contract_id', { min: 1 }) ?? null;
    const contract = contractId === null ? undefined : state.contracts.get(contractId);
    if (contractId !== null) {
      if (!contract || contract.workspaceId !== workspaceId) {
        throw notFound(`No contract with id ${contractId} in workspace ${workspaceId}`);
      }
      if (contract.userId !== userId) {
        throw unprocessable(
          `contract_id ${contractId} belongs to user ${contract.userId}, not to user_id ${userId}`,
        );
      }
    }
    const taskId = optionalInt(body, 'task_id', { min: 1 }) ?? null;
    const task = taskId === null ? undefined : state.tasks.get(taskId);
    if (taskId !== null) {
      if (!task || task.workspaceId !== workspaceId) {
        throw notFound(`No task with id ${taskId} in workspace ${workspaceId}`);
      }
      if (contract && task.projectId !== contract.projectId) {
        throw unprocessable(
          `task_id ${taskId} belongs to project ${task.projectId}, but contract_id ${contract.id} is for project ${contract.projectId}`,
        );
      }
    }
    const start = requiredDateTime(body, 'start');
    const end = requiredDateTime(body, 'end');
    assertOrdered('start', start, 'end', end, true);
    const docSetA = ctx.profile.timeRequestCreate === 'doc-set-a';
    const notes =
      (docSetA ? undefined : optionalString(body, 'notes', { maxLength: 1000 })) ??
      optionalString(body, 'activity_description', { maxLength: 1000 }) ??
      null;
    const now = isoSeconds(ctx.now());
    const created: TimeRequest = {
      id: state.uuid(),
      workspaceId,
      userId,
      contractId,
      projectId: contract?.projectId ?? task?.projectId ?? null,
      taskId,
      start: isoSeconds(start),
      end: isoSeconds(end),
      status: 'pending',
      notes,
      comment: null,
      updatedBy: null,
      createdAt: now,
      updatedAt: now,
    };
    state.timeRequests.set(created.id, created);
    const data = docSetA ? { id: created.id, status: created.status } : timeRequestView(created, ctx.profile);
    return reply.status(201).send(ok(data, 'Time request created successfully'));
  });

  /** Doc set B only; `:id` as the docs name it. */
  app.get('/time-requests/:id', async (request) => {
    const { caller, workspaceId, membership } = workspaceScope(ctx, request);
    const found = findTimeRequest(ctx, workspaceId, String(paramsOf(request).id ?? ''));
    if (!isAdmin(membership.role) && found.userId !== caller.user.id) {
      throw forbidden(
        `Only Owners and Executive Managers can view other members' time requests; ${found.id} belongs to user ${found.userId}`,
      );
    }
    return ok(timeRequestView(found, ctx.profile), 'Time request retrieved successfully');
  });

  /**
   * Approving adds the requested time as a TimeEntry (method "Manually added time", notes as the
   * activity description), so it shows up in time entries, reports and timesheets at once. The
   * response is the updated request plus `time_entry_id` of that entry (`lenient`), or null
   * (`docs-exact`, see `actionData`).
   */
  const approve = async (request: FastifyRequest) => {
    const { caller, found } = decide(request, 'approve', () => undefined);
    found.status = 'approved';
    found.updatedBy = caller.user.id;
    found.updatedAt = isoSeconds(ctx.now());
    const entry: TimeEntry = {
      id: ctx.state.uuid(),
      workspaceId: found.workspaceId,
      userId: found.userId,
      contractId: found.contractId,
      projectId: found.projectId,
      taskId: found.taskId,
      activityDescription: found.notes,
      method: 'Manually added time',
      start: found.start,
      end: found.end,
    };
    ctx.state.timeEntries.set(entry.id, entry);
    return ok(
      actionData(ctx, () => ({ ...timeRequestView(found, ctx.profile), time_entry_id: entry.id })),
      'Time request approved successfully',
    );
  };

  /** `comment` is required (documented); `reason` is accepted as an alias. */
  const reject = async (request: FastifyRequest) => {
    const body = bodyOf(request);
    const { caller, found, input } = decide(request, 'reject', () =>
      requiredString({ comment: body.comment ?? body.reason }, 'comment', { maxLength: 1000 }),
    );
    found.status = 'rejected';
    found.comment = input;
    found.updatedBy = caller.user.id;
    found.updatedAt = isoSeconds(ctx.now());
    return ok(
      actionData(ctx, () => timeRequestView(found, ctx.profile)),
      'Time request rejected successfully',
    );
  };

  /** Role, lookup, input check, then the state check, so a refused call changes nothing. */
  const decide = <T>(request: FastifyRequest, action: 'approve' | 'reject', readInput: () => T) => {
    const { caller, workspaceId, membership } = workspaceScope(ctx, request);
    requireRole(membership, ADMIN_ROLES, `${action} time requests`);
    const found = findTimeRequest(ctx, workspaceId, String(paramsOf(request).timeRequestId ?? ''));
    const input = readInput();
    if (found.status !== 'pending') {
      throw badRequest(
        `Time request ${found.id} was already ${found.status}; only pending requests can be ${action}d`,
      );
    }
    return { caller, found, input };
  };

  // Doc set A documents POST; MindCloud's wrapper uses PUT: both are served.
  for (const method of ['POST', 'PUT'] as const) {
    app.route({ method, url: '/time-requests/:timeRequestId/approve', handler: approve });
    app.route({ method, url: '/time-requests/:timeRequestId/reject', handler: reject });
  }
}

function findTimeRequest(ctx: RouteContext, workspaceId: number, id: string): TimeRequest {
  const found = ctx.state.timeRequests.get(id);
  if (!found || found.workspaceId !== workspaceId) {
    throw notFound(`No time request with id "${id}" in workspace ${workspaceId}`);
  }
  return found;
}
