import type { FastifyInstance } from 'fastify';
import { badRequest, unprocessable } from '../http/api-error.js';
import { requireRole } from '../http/auth.js';
import { ok, okPage } from '../http/envelope.js';
import { paginate } from '../http/pagination.js';
import {
  optionalEmail,
  optionalEnum,
  optionalInt,
  optionalString,
  pathInt,
  requiredEmail,
  requiredEnum,
  requiredString,
  type Source,
} from '../http/params.js';
import { ADMIN_ROLES, ASSIGNABLE_ROLES, type Membership, MEMBER_STATUSES, ROLES } from '../state/model.js';
import { memberKey, newMembership } from '../state/store.js';
import { isoSeconds } from '../state/time.js';
import { bodyOf, paramsOf, queryOf, type RouteContext, workspaceScope } from './context.js';
import { findMember, memberView, visibleMemberIds } from './members.views.js';

const UPDATABLE = [
  'email',
  'firstname',
  'lastname',
  'timezone',
  'role',
  'rate_status',
  'weekly_hours_limit',
  'remove_avatar',
];

/** REFERENCE §10.2: list, invite, get, update, archive members of a workspace. */
export function registerMembersRoutes(app: FastifyInstance, ctx: RouteContext): void {
  /**
   * Role-filtered list (see `visibleMemberIds`). Assumption (GAPS Members): archived (`left`) and
   * invited (`inactive`) members are listed too; the `status` filter narrows them.
   */
  app.get('/members', async (request) => {
    const { state } = ctx;
    const { membership } = workspaceScope(ctx, request);
    const query = queryOf(request);
    const email = optionalEmail(query, 'email')?.toLowerCase();
    const status = optionalEnum(query, 'status', MEMBER_STATUSES);
    const role = optionalEnum(query, 'role', ROLES);
    const visible = visibleMemberIds(state, membership);
    const rows = state
      .membersOf(membership.workspaceId)
      .filter((m) => visible === 'all' || visible.has(m.userId))
      .filter((m) => !status || m.status === status)
      .filter((m) => !role || m.role === role)
      .filter((m) => !email || state.users.get(m.userId)?.email.toLowerCase() === email)
      .sort((a, b) => a.userId - b.userId);
    const page = paginate(rows, query);
    return okPage({ ...page, data: page.data.map((m) => memberView(state, m, membership)) });
  });

  /**
   * Invite. Assumptions (GAPS Members): success is 200 (endpoints.json); the new membership is
   * `inactive` until the invitation is accepted (outside the API); an email that already belongs
   * to a member of the workspace is a 422, unless that member was archived (`left`), who is invited
   * again (role updated, status back to `inactive`); an email of a user from another workspace
   * reuses that user.
   */
  app.post('/members', async (request) => {
    const { state } = ctx;
    const { membership: caller, workspaceId } = workspaceScope(ctx, request);
    requireRole(caller, ADMIN_ROLES, 'invite members');
    const body = bodyOf(request);
    const email = requiredEmail(body, 'email');
    const firstname = requiredString(body, 'firstname');
    const lastname = requiredString(body, 'lastname');
    const role = requiredEnum(body, 'role', ASSIGNABLE_ROLES);
    const now = isoSeconds(ctx.now());

    let user = [...state.users.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
    const existing = user && state.membership(workspaceId, user.id);
    if (existing && existing.status !== 'left') {
      throw unprocessable(
        `email ${email} already belongs to a member of workspace ${workspaceId} (user ${existing.userId}, status "${existing.status}")`,
      );
    }
    if (!user) {
      user = {
        id: state.nextId('user', 100),
        email,
        firstname,
        lastname,
        avatar: null,
        timezone: null,
      };
      state.users.set(user.id, user);
    }
    const membership: Membership = existing
      ? { ...existing, role, status: 'inactive', updatedAt: now }
      : newMembership(workspaceId, user.id, role, 'inactive', now);
    state.memberships.set(memberKey(workspaceId, user.id), membership);
    ctx.events.emit('member.invited', workspaceId, memberView(state, membership, 'full'));
    return ok(
      {
        user_id: user.id,
        invitation_link: `https://app.webwork-tracker.com/dashboard/accept-invitation/${state.code()}`,
      },
      'Member invited successfully',
    );
  });

  app.get('/members/:memberId', async (request) => {
    const { membership: caller } = workspaceScope(ctx, request);
    const memberId = pathInt(paramsOf(request), 'memberId', 'member');
    const member = findMember(ctx.state, caller, memberId);
    return ok(memberView(ctx.state, member, caller), 'Member retrieved successfully');
  });

  /**
   * Partial update. Assumptions (GAPS Members): `data` is the updated Member (the docs type it
   * object|null and show null); a body with none of the updatable fields is a 400 (it is almost
   * always a misspelt field); the workspace Owner's role cannot be changed (400); an email already
   * used by another user is a 422; `timezone` must be an IANA name (422 otherwise).
   */
  app.put('/members/:memberId', async (request) => {
    const { state } = ctx;
    const { membership: caller, workspaceId } = workspaceScope(ctx, request);
    requireRole(caller, ADMIN_ROLES, 'update members');
    const memberId = pathInt(paramsOf(request), 'memberId', 'member');
    const member = findMember(state, caller, memberId);
    const body = bodyOf(request);
    requireSomeField(body, UPDATABLE);

    const email = optionalEmail(body, 'email');
    const firstname = nonEmpty(body, 'firstname');
    const lastname = nonEmpty(body, 'lastname');
    const timezone = optionalTimezone(body, 'timezone');
    const role = optionalEnum(body, 'role', ASSIGNABLE_ROLES);
    const rateStatus = optionalEnum(body, 'rate_status', [0, 1] as const);
    const weeklyHoursLimit = optionalInt(body, 'weekly_hours_limit', { min: 0, max: 168 });
    const removeAvatar = optionalEnum(body, 'remove_avatar', [0, 1] as const);
    if (email) {
      const taken = [...state.users.values()].find(
        (u) => u.id !== memberId && u.email.toLowerCase() === email.toLowerCase(),
      );
      if (taken) throw unprocessable(`email ${email} is already used by another user (${taken.id})`);
    }
    if (role && member.role === 'Owner') {
      throw badRequest(`The role of the workspace Owner (member ${memberId}) cannot be changed`);
    }

    const user = state.users.get(memberId)!;
    if (email) user.email = email;
    if (firstname !== undefined) user.firstname = firstname;
    if (lastname !== undefined) user.lastname = lastname;
    if (timezone !== undefined) user.timezone = timezone;
    if (removeAvatar === 1) user.avatar = null;
    if (role) member.role = role;
    if (rateStatus !== undefined) member.rateStatus = rateStatus;
    if (weeklyHoursLimit !== undefined) member.weeklyHoursLimit = weeklyHoursLimit;
    member.updatedAt = isoSeconds(ctx.now());
    ctx.events.emit('member.updated', workspaceId, memberView(state, member, 'full'));
    return ok(memberView(state, member, caller), 'Member updated successfully');
  });

  /**
   * Archive: status `left`; the user and the membership are kept (the product restores archived
   * members from the web app). Assumptions (GAPS Members): the Owner and the caller himself cannot
   * be archived, and archiving an archived member is an invalid state move (all 400); only
   * `member.archived` is emitted (there is no permanent delete, so no `member.deleted`).
   */
  app.delete('/members/:memberId', async (request) => {
    const { state } = ctx;
    const { membership: caller, workspaceId } = workspaceScope(ctx, request);
    requireRole(caller, ADMIN_ROLES, 'archive members');
    const memberId = pathInt(paramsOf(request), 'memberId', 'member');
    const member = findMember(state, caller, memberId);
    if (member.role === 'Owner')
      throw badRequest(`The workspace Owner (member ${memberId}) cannot be archived`);
    if (memberId === caller.userId) throw badRequest('You cannot archive yourself');
    if (member.status === 'left') throw badRequest(`Member ${memberId} is already archived`);
    member.status = 'left';
    member.updatedAt = isoSeconds(ctx.now());
    ctx.events.emit('member.archived', workspaceId, memberView(state, member, 'full'));
    return ok(null, 'Member archived successfully');
  });
}

/** PUT bodies: at least one known field, else a 400 that lists them. */
export function requireSomeField(body: Source, fields: readonly string[]): void {
  if (!fields.some((f) => body[f] !== undefined)) {
    throw badRequest(`Nothing to update: send at least one of ${fields.join(', ')}`);
  }
}

/** An optional string that, when sent, must not be blank. */
export function nonEmpty(body: Source, name: string, maxLength = 255): string | undefined {
  const value = optionalString(body, name, { maxLength });
  if (value !== undefined && value.trim() === '') throw unprocessable(`${name} must not be empty`);
  return value;
}

function optionalTimezone(body: Source, name: string): string | undefined {
  const value = optionalString(body, name, { maxLength: 64 });
  if (value === undefined || value === '') return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    throw unprocessable(`${name} must be an IANA time zone (e.g. America/New_York), got "${value}"`);
  }
  return value;
}
