import { notFound } from '../http/api-error.js';
import type { Membership, Task } from '../state/model.js';
import type { SimState } from '../state/store.js';
import { findProject } from './projects.views.js';

/**
 * A task of the workspace by id. Unknown (or another workspace's) is a 404, and so is a
 * `project_id` that is given but is not the task's project; a task of a project the caller may not
 * see is a 403 (through `findProject`).
 */
export function findTask(
  state: SimState,
  caller: Membership,
  taskId: number,
  projectId: number | undefined,
): Task {
  const task = state.tasks.get(taskId);
  if (!task || task.workspaceId !== caller.workspaceId) {
    throw notFound(`No task with id ${taskId} in workspace ${caller.workspaceId}`);
  }
  if (projectId !== undefined && task.projectId !== projectId) {
    throw notFound(`Task ${taskId} does not belong to project_id ${projectId}`);
  }
  findProject(state, caller, task.projectId);
  return task;
}

/** REFERENCE §9.6 Assignee. */
export function assigneeView(state: SimState, userId: number) {
  const user = state.users.get(userId);
  return {
    id: userId,
    firstname: user?.firstname ?? null,
    lastname: user?.lastname ?? null,
    email: user?.email ?? null,
  };
}

/**
 * REFERENCE §9.5 Task. Assumption (GAPS Tasks): the truncated `has_...` field is `has_details`,
 * true when the task has a description.
 */
export function taskView(state: SimState, task: Task) {
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    project_id: task.projectId,
    owner_id: task.ownerId,
    creator_id: task.creatorId,
    status: task.status,
    priority: task.priority,
    start_date: task.startDate,
    end_date: task.endDate,
    completed_at: task.completedAt,
    assignees: task.assigneeIds.map((id) => assigneeView(state, id)),
    has_details: task.description !== null && task.description !== '',
    parent_id: task.parentId,
    created_at: task.createdAt,
    updated_at: task.updatedAt,
  };
}
