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
  optionalNumber,
  optionalString,
  requiredDate,
  requiredInt,
  requiredString,
  type Source,
} from '../http/params.js';
import { ADMIN_ROLES, type Leave, type LeavePolicy } from '../state/model.js';
import { ymd } from '../state/time.js';
import { actionData, bodyOf, paramsOf, queryOf, type RouteContext, workspaceScope } from './context.js';
import { balanceView, leaveView, policyView } from './leaves.views.js';

/**
 * Leaves (REFERENCE §10.9): leave requests under workspace leave policies, pending → approved |
 * rejected once (a second decision is a 400), per-member balances and the policies themselves.
 *
 * Assumption (GAPS Leaves): reads are role-filtered rather than refused: Owners and Executive
 * Managers see every member's leaves and balances, other members only their own; the policy list
 * is open to every member (they need policy ids to request leave).
 *
 * Policy ids (profile `leavePolicyIds`): `docs-exact` uses integers, as REFERENCE §10.9 types
 * `policy_id` ("integer", example 456); a non-integer `policy_id` is a 422 there. `lenient` keeps
 * the simulator's historical UUID strings, compared as strings.
 */
export function registerLeavesRoutes(app: FastifyInstance, ctx: RouteContext): void {
  /** `date_from`/`date_to` keep leaves whose days overlap the inclusive range. */
  app.get('/leaves', async (request) => {
    const { caller, workspaceId, membership } = workspaceScope(ctx, request);
    const query = queryOf(request);
    const id = optionalString(query, 'id');
    const policyId = policyIdFilter(ctx, query);
    const isPaid = optionalEnum(query, 'is_paid', ['yes', 'no']);
    const status = optionalEnum(query, 'status', ['pending', 'approved', 'rejected']);
    const dateFrom = optionalDate(query, 'date_from');
    const dateTo = optionalDate(query, 'date_to');
    if (dateFrom && dateTo) assertOrdered('date_from', dateFrom, 'date_to', dateTo);
    const userId = optionalInt(query, 'user_id', { min: 1 });
    const admin = isAdmin(membership.role);
    const rows = [...ctx.state.leaves.values()]
      .filter(
        (l) =>
          l.workspaceId === workspaceId &&
          (admin || l.userId === caller.user.id) &&
          (id === undefined || l.id === id) &&
          (policyId === undefined || l.policyId === policyId) &&
          (isPaid === undefined || l.isPaid === (isPaid === 'yes')) &&
          (status === undefined || l.status === status) &&
          (userId === undefined || l.userId === userId) &&
          (dateFrom === undefined || l.endDate >= dateFrom) &&
          (dateTo === undefined || l.startDate <= dateTo),
      )
      .map((l) => leaveView(ctx.state, l, ctx.profile));
    return okPage(
      paginate(rows, query),
      'Leave requests retrieved successfully',
      ctx.profile.paginationOnEveryList,
    );
  });

  /**
   * Request leave (doc set A). The documented response has no `data` (so no new id): clients find
   * the leave through `GET /leaves`. `reason` is stored as the leave's `note` (`note` is accepted too).
   *
   * Assumption (GAPS Leaves): Owners/Executive Managers may request leave for any member, other
   * members only for themselves; project viewers not at all. A new leave is always `pending`; one
   * that overlaps the user's pending or approved leave is a 400; balances are not enforced. The
   * hour-based fields (`start_time`, `end_time`, `hours_per_day`, `leave_period`) are validated
   * and otherwise ignored, since every simulated policy counts days.
   */
  app.post('/leaves', async (request, reply) => {
    const { caller, workspaceId, membership } = workspaceScope(ctx, request);
    if (membership.role === 'Project viewer') {
      throw forbidden('Project viewers cannot request leave; your role is "Project viewer"');
    }
    const { state } = ctx;
    const body = bodyOf(request);
    const userId = requiredInt(body, 'user_id', { min: 1 });
    memberActedFor(state, { caller, workspaceId, membership }, userId, 'request leave');
    const policy = findPolicy(ctx, workspaceId, body);
    const start = requiredDate(body, 'start');
    const end = requiredDate(body, 'end');
    assertOrdered('start', start, 'end', end);
    for (const name of ['start_time', 'end_time']) {
      const time = optionalString(body, name);
      if (time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
        throw unprocessable(`${name} must be a time in HH:mm format (e.g. 09:00), got "${time}"`);
      }
    }
    const hours = optionalNumber(body, 'hours_per_day', { min: 0 });
    if (hours !== undefined && hours > 24)
      throw unprocessable(`hours_per_day must be at most 24, got ${hours}`);
    optionalEnum(body, 'leave_period', [0, 1, 2]);
    const note =
      optionalString(body, 'reason', { maxLength: 1000 }) ??
      optionalString(body, 'note', { maxLength: 1000 });
    const clash = [...state.leaves.values()].find(
      (l) =>
        l.workspaceId === workspaceId &&
        l.userId === userId &&
        l.status !== 'rejected' &&
        l.startDate <= end &&
        l.endDate >= start,
    );
    if (clash) {
      throw badRequest(
        `User ${userId} already has a ${clash.status} leave from ${clash.startDate} to ${clash.endDate} that overlaps ${start}..${end}`,
      );
    }
    const leave: Leave = {
      id: state.uuid(),
      workspaceId,
      userId,
      policyId: policy.id,
      status: 'pending',
      note: note ?? null,
      isPaid: policy.isPaid,
      createdBy: caller.user.id,
      approvedBy: null,
      rejectedBy: null,
      rejectReason: null,
      startDate: start,
      endDate: end,
      createdOn: ymd(ctx.now()),
    };
    state.leaves.set(leave.id, leave);
    return reply.status(201).send(ok(undefined, 'Leave request created successfully'));
  });

  /** Role, lookup, input, then the state check, so a refused call changes nothing. */
  const decide = <T>(request: FastifyRequest, action: 'approve' | 'reject', readInput: () => T) => {
    const { caller, workspaceId, membership } = workspaceScope(ctx, request);
    requireRole(membership, ADMIN_ROLES, `${action} leave requests`);
    const id = String(paramsOf(request).leaveId ?? '');
    const leave = ctx.state.leaves.get(id);
    if (!leave || leave.workspaceId !== workspaceId) {
      throw notFound(`No leave request with id "${id}" in workspace ${workspaceId}`);
    }
    const input = readInput();
    if (leave.status !== 'pending') {
      throw badRequest(
        `Leave request ${leave.id} was already ${leave.status}; only pending requests can be ${action}d`,
      );
    }
    return { caller, leave, input };
  };

  const approve = async (request: FastifyRequest) => {
    const { caller, leave } = decide(request, 'approve', () => undefined);
    leave.status = 'approved';
    leave.approvedBy = caller.user.id;
    return ok(
      actionData(ctx, () => leaveView(ctx.state, leave, ctx.profile)),
      'Leave request approved successfully',
    );
  };

  /** `reason` is required (as in legacy V1); `reject_reason` and `comment` are accepted as aliases. */
  const reject = async (request: FastifyRequest) => {
    const body = bodyOf(request);
    const { caller, leave, input } = decide(request, 'reject', () =>
      requiredString({ reason: body.reason ?? body.reject_reason ?? body.comment }, 'reason', {
        maxLength: 1000,
      }),
    );
    leave.status = 'rejected';
    leave.rejectedBy = caller.user.id;
    leave.rejectReason = input;
    return ok(
      actionData(ctx, () => leaveView(ctx.state, leave, ctx.profile)),
      'Leave request rejected successfully',
    );
  };

  // Inferred operations (GAPS Leaves): PUT as modelled on timesheets; POST accepted too.
  for (const method of ['PUT', 'POST'] as const) {
    app.route({ method, url: '/leaves/:leaveId/approve', handler: approve });
    app.route({ method, url: '/leaves/:leaveId/reject', handler: reject });
  }

  /**
   * Balances of active and inactive non-viewer members over the required `date_from`..`date_to`.
   * `page` is documented (and `per_page` accepted) as on other lists.
   */
  app.get('/leaves/balances', async (request) => {
    const { caller, workspaceId, membership } = workspaceScope(ctx, request);
    const query = queryOf(request);
    const dateFrom = requiredDate(query, 'date_from');
    const dateTo = requiredDate(query, 'date_to');
    assertOrdered('date_from', dateFrom, 'date_to', dateTo);
    const userId = optionalInt(query, 'user_id', { min: 1 });
    if (userId !== undefined && !ctx.state.membership(workspaceId, userId)) {
      throw notFound(`No member with user_id ${userId} in workspace ${workspaceId}`);
    }
    const admin = isAdmin(membership.role);
    const policies = policiesOf(ctx, workspaceId);
    const rows = ctx.state
      .membersOf(workspaceId)
      .filter(
        (m) =>
          m.role !== 'Project viewer' &&
          m.status !== 'left' &&
          (admin || m.userId === caller.user.id) &&
          (userId === undefined || m.userId === userId),
      )
      .map((m) => balanceView(ctx.state, m, policies, dateFrom, dateTo));
    return okPage(
      paginate(rows, query),
      'Leave balances retrieved successfully',
      ctx.profile.paginationOnEveryList,
    );
  });

  app.get('/leaves/policies', async (request) => {
    const { workspaceId } = workspaceScope(ctx, request);
    const rows = policiesOf(ctx, workspaceId).map((p) => policyView(p, ctx.profile));
    return okPage(
      paginate(rows, queryOf(request)),
      'Leave policies retrieved successfully',
      ctx.profile.paginationOnEveryList,
    );
  });
}

const policiesOf = (ctx: RouteContext, workspaceId: number): LeavePolicy[] =>
  [...ctx.state.leavePolicies.values()].filter((p) => p.workspaceId === workspaceId);

/** The policy named by a required `policy_id`: an integer or a UUID string, by profile. */
function findPolicy(ctx: RouteContext, workspaceId: number, body: Source): LeavePolicy {
  const integer = ctx.profile.leavePolicyIds === 'integer';
  const id = integer ? requiredInt(body, 'policy_id', { min: 1 }) : requiredRaw(body, 'policy_id');
  const policy = integer
    ? policiesOf(ctx, workspaceId).find((p) => p.number === id)
    : ctx.state.leavePolicies.get(String(id));
  if (!policy || policy.workspaceId !== workspaceId) {
    throw notFound(
      `No leave policy with id ${JSON.stringify(id)} in workspace ${workspaceId} (see GET /leaves/policies)`,
    );
  }
  return policy;
}

/** The `policy_id` filter of `GET /leaves` as the store's key (UUID), or undefined. */
function policyIdFilter(ctx: RouteContext, query: Source): string | undefined {
  if (ctx.profile.leavePolicyIds === 'uuid') return optionalRaw(query, 'policy_id');
  const number = optionalInt(query, 'policy_id', { min: 1 });
  if (number === undefined) return undefined;
  // An unknown integer filters everything out, like an unknown UUID does.
  return [...ctx.state.leavePolicies.values()].find((p) => p.number === number)?.id ?? `#${number}`;
}

/** An id that may arrive as a JSON number or a string; compared as a string. */
function optionalRaw(source: Source, name: string): string | undefined {
  const raw = source[name];
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    throw unprocessable(`${name} must be a string or integer id, got ${JSON.stringify(raw)}`);
  }
  return String(raw);
}

function requiredRaw(source: Source, name: string): string {
  const value = optionalRaw(source, name);
  if (value === undefined) throw badRequest(`${name} is required`);
  return value;
}
