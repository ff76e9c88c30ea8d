import { badRequest, notFound, unprocessable } from '../http/api-error.js';
import type { Contract, Membership, Project, Task, TimeEntry, Tracker, User } from '../state/model.js';
import type { SimState } from '../state/store.js';
import type { Profile } from '../profile.js';

/**
 * Time entries as the API shows them (REFERENCE §9.14), plus the checks shared by everything that
 * books time for a member (start tracking, manual time entries): who is working, on what.
 */

export const fullName = (user: User | undefined): string | null =>
  user ? `${user.firstname} ${user.lastname}` : null;

/** Whole minutes between two ISO instants (seconds are dropped, as the API's integer minutes are). */
export const minutesBetween = (start: string | Date, end: string | Date): number =>
  Math.floor((new Date(end).getTime() - new Date(start).getTime()) / 60_000);

/** The TimeEntry wire object (§9.14). Times are ISO 8601 UTC (`2026-01-29T09:00:00Z`). */
export function timeEntryView(state: SimState, entry: TimeEntry): Record<string, unknown> {
  const project = entry.projectId === null ? undefined : state.projects.get(entry.projectId);
  const task = entry.taskId === null ? undefined : state.tasks.get(entry.taskId);
  return {
    id: entry.id,
    user_id: entry.userId,
    contract_id: entry.contractId,
    project_id: entry.projectId,
    project_name: project?.name ?? null,
    task_id: entry.taskId,
    task_title: task?.title ?? null,
    activity_description: entry.activityDescription,
    method: entry.method,
    date: entry.start.slice(0, 10),
    start_time: entry.start,
    end_time: entry.end,
    duration_minutes: minutesBetween(entry.start, entry.end),
  };
}

/**
 * The member time is booked for: unknown or archived (`left`) in this workspace is a 404; an
 * `inactive` member cannot get new time (400, a business rule).
 */
export function workingMember(
  state: SimState,
  workspaceId: number,
  userId: number,
): { membership: Membership; user: User } {
  const membership = state.membership(workspaceId, userId);
  const user = state.users.get(userId);
  if (!membership || membership.status === 'left' || !user) {
    throw notFound(`user_id ${userId} is not a member of workspace ${workspaceId}`);
  }
  if (membership.status === 'inactive') {
    throw badRequest(
      `user_id ${userId} is an inactive member of workspace ${workspaceId}; activate it first`,
    );
  }
  return { membership, user };
}

export interface WorkTarget {
  contract: Contract | null;
  project: Project | null;
  task: Task | null;
}

/**
 * What the time is for. `contract_id` is optional (doc set A: no project then); when given it must
 * be a contract of this workspace (else 404), of this user (else 422) and active (else 400).
 * `task_id` is allowed only with `contract_id` (else 400) and must be a task of the contract's
 * project (unknown task 404, other project 422).
 */
export function resolveWorkTarget(
  state: SimState,
  workspaceId: number,
  userId: number,
  contractId: number | undefined,
  taskId: number | undefined,
): WorkTarget {
  if (contractId === undefined) {
    if (taskId !== undefined) {
      throw badRequest('task_id can only be given together with contract_id (a task needs a contract)');
    }
    return { contract: null, project: null, task: null };
  }
  const contract = state.contracts.get(contractId);
  if (!contract || contract.workspaceId !== workspaceId) {
    throw notFound(`Contract ${contractId} not found in workspace ${workspaceId}`);
  }
  if (contract.userId !== userId) {
    throw unprocessable(
      `contract_id ${contractId} belongs to user ${contract.userId}, not to user_id ${userId}`,
    );
  }
  if (contract.status !== 'active') {
    throw badRequest(
      `Contract ${contractId} is ${contract.status}; time can only be booked on active contracts`,
    );
  }
  const project = state.projects.get(contract.projectId) ?? null;
  if (project?.deletedAt) {
    throw badRequest(`Project ${project.id} of contract ${contractId} is archived`);
  }
  const task = taskId === undefined ? null : taskOfProject(state, workspaceId, contract.projectId, taskId);
  return { contract, project, task };
}

/** A task of this workspace (else 404) that belongs to `projectId` (else 422). */
export function taskOfProject(state: SimState, workspaceId: number, projectId: number, taskId: number): Task {
  const task = state.tasks.get(taskId);
  if (!task || task.workspaceId !== workspaceId) {
    throw notFound(`Task ${taskId} not found in workspace ${workspaceId}`);
  }
  if (task.projectId !== projectId) {
    throw unprocessable(
      `task_id ${taskId} belongs to project ${task.projectId}, not to project ${projectId}`,
    );
  }
  return task;
}

/**
 * The time entry a tracker becomes when it stops at `end` (and what reports count for a tracker
 * still running). Trackers started through the API or the browser are recorded as "Web tracker";
 * under `docs-exact`, which tells the sources apart, a desktop one is a "Desktop tracker".
 */
export function entryFromTracker(
  tracker: Tracker,
  id: string,
  end: string,
  profile: Pick<Profile, 'currentDataSeesDesktopTrackers'>,
): TimeEntry {
  const desktop = tracker.source === 'desktop' && !profile.currentDataSeesDesktopTrackers;
  return {
    id,
    workspaceId: tracker.workspaceId,
    userId: tracker.userId,
    contractId: tracker.contractId,
    projectId: tracker.projectId,
    taskId: tracker.taskId,
    activityDescription: tracker.activityDescription,
    method: desktop ? 'Desktop tracker' : 'Web tracker',
    start: tracker.startedAt,
    end,
  };
}
