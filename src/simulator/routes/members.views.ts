import { canViewRates } from '../http/auth.js';
import { forbidden, notFound } from '../http/api-error.js';
import type { Membership } from '../state/model.js';
import type { SimState } from '../state/store.js';
import { teamOf } from './projects.views.js';

/**
 * Which members a caller may see (doc set A: "results are automatically filtered by the caller's
 * role"). Assumption (GAPS G12): Owners and Executive managers see everyone; Team managers their
 * team (same non-null `team_name`) and themselves; Project managers the members holding a contract
 * on a project they hold a contract on, and themselves; Regular Users and Project viewers only
 * themselves.
 */
export function visibleMemberIds(state: SimState, caller: Membership): Set<number> | 'all' {
  const { role, workspaceId, userId } = caller;
  if (role === 'Owner' || role === 'Executive manager') return 'all';
  if (role === 'Team manager') return teamOf(state, caller);
  const ids = new Set([userId]);
  if (role === 'Project manager') {
    const contracts = state.contractsOf(workspaceId);
    const projects = new Set(contracts.filter((c) => c.userId === userId).map((c) => c.projectId));
    for (const c of contracts) if (projects.has(c.projectId)) ids.add(c.userId);
  }
  return ids;
}

/**
 * A member of the workspace by user id: not a member (or another workspace's) is a 404, a member
 * outside the caller's visibility a 403.
 */
export function findMember(state: SimState, caller: Membership, memberId: number): Membership {
  const membership = state.membership(caller.workspaceId, memberId);
  if (!membership) throw notFound(`No member with id ${memberId} in workspace ${caller.workspaceId}`);
  const visible = visibleMemberIds(state, caller);
  if (visible !== 'all' && !visible.has(memberId)) {
    throw forbidden(`Your role "${caller.role}" does not let you view member ${memberId}`);
  }
  return membership;
}

/**
 * REFERENCE §9.2 Member = User + Membership. `rate`, `currency` and `rate_type` are left out unless
 * the viewer may view rates (`'full'` = webhook payloads, which go to the workspace's admins).
 */
export function memberView(state: SimState, membership: Membership, viewer: Membership | 'full') {
  const user = state.users.get(membership.userId);
  const showRates = viewer === 'full' || canViewRates(viewer);
  return {
    id: membership.userId,
    email: user?.email ?? null,
    firstname: user?.firstname ?? null,
    lastname: user?.lastname ?? null,
    avatar: user?.avatar ?? null,
    current_role: membership.role,
    timezone: user?.timezone ?? null,
    status: membership.status,
    team_name: membership.teamName,
    title: membership.title,
    ...(showRates
      ? { rate: membership.rate, currency: membership.currency, rate_type: membership.rateType }
      : {}),
    rate_status: membership.rateStatus,
    weekly_hours_limit: membership.weeklyHoursLimit,
    screenshots: membership.screenshots,
    created_at: membership.createdAt,
    updated_at: membership.updatedAt,
  };
}
