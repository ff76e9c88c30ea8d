import type { FastifyRequest } from 'fastify';
import { forbidden, notFound, unauthenticated, unprocessable } from './api-error.js';
import { requiredInt, type Source } from './params.js';
import { ADMIN_ROLES, type Membership, type Role, type User } from '../state/model.js';
import type { SimState } from '../state/store.js';
import { badRequest } from './api-error.js';

export interface Caller {
  readonly user: User;
  readonly token: string;
}

/** Resolves `Authorization: Bearer <token>`; anything else is a 401 that says what was expected. */
export function authenticate(state: SimState, header: string | undefined): Caller {
  if (!header) throw unauthenticated('Authentication required: send "Authorization: Bearer <token>"');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthenticated('Malformed Authorization header: expected "Bearer <token>"');
  const token = match[1]!;
  const userId = state.tokens.get(token);
  const user = userId === undefined ? undefined : state.users.get(userId);
  if (!user) throw unauthenticated('Invalid or expired access token');
  return { user, token };
}

/**
 * `workspace_id` from the query string or the JSON body (REFERENCE §1 / GAPS G9: the doc sets put
 * it in different places). Both present and different is a 400.
 */
export function workspaceIdOf(request: FastifyRequest): number {
  const query = (request.query ?? {}) as Source;
  const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Source;
  const fromQuery = query.workspace_id;
  const fromBody = body.workspace_id;
  const has = (v: unknown) => v !== undefined && v !== null && v !== '';
  if (has(fromQuery) && has(fromBody) && String(fromQuery) !== String(fromBody)) {
    throw badRequest(
      `workspace_id differs between query string (${String(fromQuery)}) and body (${String(fromBody)})`,
    );
  }
  return requiredInt(has(fromQuery) ? query : body, 'workspace_id', { min: 1 });
}

/**
 * The caller's membership of a workspace. Not a member, or archived from it (`left`), is a 403;
 * an unknown workspace id is also a 403, so ids of other tenants' workspaces do not leak.
 */
export function accessWorkspace(state: SimState, caller: Caller, workspaceId: number): Membership {
  const membership = state.membership(workspaceId, caller.user.id);
  if (!membership || membership.status === 'left') {
    throw forbidden(`Only members of the specified workspace can access it (workspace_id ${workspaceId})`);
  }
  return membership;
}

export function requireRole(membership: Membership, allowed: readonly Role[], action: string): void {
  if (!allowed.includes(membership.role)) {
    throw forbidden(`Only ${describeRoles(allowed)} can ${action}; your role is "${membership.role}"`);
  }
}

const describeRoles = (roles: readonly Role[]) =>
  roles.length === 2 && roles.includes('Owner') && roles.includes('Executive manager')
    ? 'Owners and Executive Managers'
    : roles.join(', ');

/** Owners and Executive managers see rates of everyone; others see them only when `rate_status` = 1. */
export const canViewRates = (membership: Membership) =>
  membership.role === 'Owner' || membership.role === 'Executive manager' || membership.rateStatus === 1;

export const isAdmin = (role: Role) => ADMIN_ROLES.includes(role);

/**
 * The member a request is made on behalf of (time requests, leave): Owners and Executive
 * Managers may act for any member, everyone else only for themselves (403). An unknown user is a
 * 404, an archived one a 422.
 */
export function memberActedFor(
  state: SimState,
  scope: { caller: Caller; workspaceId: number; membership: Membership },
  userId: number,
  action: string,
): Membership {
  const member = state.membership(scope.workspaceId, userId);
  if (!member) throw notFound(`No member with user_id ${userId} in workspace ${scope.workspaceId}`);
  if (!isAdmin(scope.membership.role) && userId !== scope.caller.user.id) {
    throw forbidden(
      `Only Owners and Executive Managers can ${action} for other members; you may only use your own user_id ${scope.caller.user.id}`,
    );
  }
  if (member.status === 'left') throw unprocessable(`user_id ${userId} is an archived member`);
  return member;
}
