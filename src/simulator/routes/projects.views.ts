import { canViewRates } from '../http/auth.js';
import { forbidden, notFound } from '../http/api-error.js';
import type { Membership, Project } from '../state/model.js';
import { memberKey, type SimState } from '../state/store.js';

/**
 * Who sees which projects (doc set A, GET /projects), shared by projects, contracts and tasks:
 * - Owners and Executive managers: every project of the workspace (`'all'`).
 * - Project viewers: the projects assigned to them (`state.viewers`).
 * - Team managers: projects where they or a member of their team (same non-null `team_name`) hold
 *   a contract.
 * - Project managers and Regular Users: projects where they hold a contract (active or paused).
 *
 * Assumption (GAPS G12): the model has no "managed project" or "managed team" record, so a
 * Project manager manages the projects he holds a contract on, and a Team manager manages the
 * members sharing his `team_name`.
 */
export function visibleProjectIds(state: SimState, membership: Membership): Set<number> | 'all' {
  const { workspaceId, userId, role } = membership;
  if (role === 'Owner' || role === 'Executive manager') return 'all';
  if (role === 'Project viewer') {
    return new Set(state.viewers.get(memberKey(workspaceId, userId))?.projectIds ?? []);
  }
  const team = role === 'Team manager' ? teamOf(state, membership) : new Set([userId]);
  return new Set(
    state
      .contractsOf(workspaceId)
      .filter((c) => team.has(c.userId))
      .map((c) => c.projectId),
  );
}

/** The user ids in a member's team (same non-null `team_name`), always including the member. */
export function teamOf(state: SimState, membership: Membership): Set<number> {
  const ids = new Set([membership.userId]);
  if (membership.teamName === null) return ids;
  for (const other of state.membersOf(membership.workspaceId)) {
    if (other.teamName === membership.teamName) ids.add(other.userId);
  }
  return ids;
}

export const canSeeProject = (visible: Set<number> | 'all', projectId: number) =>
  visible === 'all' || visible.has(projectId);

/**
 * A project of the workspace by id: unknown (or another workspace's) is a 404; one the caller's
 * role does not let him see is a 403 (the caller is a member, so existence is no secret).
 */
export function findProject(
  state: SimState,
  membership: Membership,
  projectId: number,
  name = 'project_id',
): Project {
  const project = state.projects.get(projectId);
  if (!project || project.workspaceId !== membership.workspaceId) {
    throw notFound(`No project with ${name} ${projectId} in workspace ${membership.workspaceId}`);
  }
  if (!canSeeProject(visibleProjectIds(state, membership), projectId)) {
    throw forbidden(
      `Your role "${membership.role}" does not give access to project ${projectId} (not assigned to you)`,
    );
  }
  return project;
}

/** REFERENCE §9.3 Project. `rate` only for callers who may view rates. */
export function projectView(state: SimState, project: Project, viewer: Membership | 'full') {
  const showRates = viewer === 'full' || canViewRates(viewer);
  const contractsCount = state
    .contractsOf(project.workspaceId)
    .filter((c) => c.projectId === project.id && c.status === 'active').length;
  return {
    id: project.id,
    name: project.name,
    owner_id: project.ownerId,
    start_date: project.startDate,
    deadline: project.deadline,
    estimation: project.estimation,
    budget_estimation: project.budget,
    notes: project.notes,
    icon: project.icon,
    is_billable: project.isBillable,
    ...(showRates ? { rate: project.rate } : {}),
    weekly_hours_limit: project.weeklyHoursLimit,
    screenshots: project.screenshots,
    tags: project.tags.map((t) => ({ id: t.id, name: t.name, color: t.color })),
    contracts_count: contractsCount,
    status: project.status,
    created_at: project.createdAt,
    updated_at: project.updatedAt,
    deleted_at: project.deletedAt,
  };
}
