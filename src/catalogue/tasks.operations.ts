import { tags } from '../cache/keys.js';
import { toIsoDate, toIsoDateTime } from './dates.js';
import { fromUpstream } from './enum-table.js';
import { GatewayError } from '../errors/gateway-error.js';
import { list, read, type Reads, write, type WriteOutcome } from './operation.js';
import {
  TaskPriority,
  taskPriorityByCode,
  taskPriorityCodes,
  TaskStatus,
  taskStatusByCode,
  taskStatusCodes,
} from './tasks.enums.js';

export interface AssigneeRecord {
  workspaceId: number;
  userId: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

export interface TaskRecord extends WriteOutcome {
  workspaceId: number;
  taskId: number;
  projectId: number;
  title: string;
  description: string | null;
  ownerId: number | null;
  creatorId: number | null;
  status: TaskStatus;
  priority: TaskPriority;
  startDate: string | null;
  endDate: string | null;
  completedAt: string | null;
  /**
   * As the task embeds them (REFERENCE 9.5: not always present); null when it does not, and then
   * `Task.assignees` reads `GET /tasks/{taskId}/assignees`.
   */
  assignees: AssigneeRecord[] | null;
  parentTaskId: number | null;
  createdAt: string | null;
  updatedAt: string | null;
}

interface WireTask {
  id: number;
  title: string;
  description?: string | null;
  project_id: number;
  owner_id?: number | null;
  creator_id?: number | null;
  status: number;
  priority: number;
  start_date?: string | null;
  end_date?: string | null;
  completed_at?: string | null;
  assignees?: WireAssignee[];
  parent_id?: number | null;
  created_at?: string | null;
  updated_at?: string | null;
}

interface WireAssignee {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string | null;
}

const toAssignee = (a: WireAssignee, workspaceId: number): AssigneeRecord => ({
  workspaceId,
  userId: a.id,
  firstName: a.firstname ?? null,
  lastName: a.lastname ?? null,
  email: a.email ?? null,
});

const toTask = (t: WireTask, { workspaceId }: { workspaceId: number }): TaskRecord => ({
  workspaceId,
  taskId: t.id,
  projectId: t.project_id,
  title: t.title,
  description: t.description ?? null,
  ownerId: t.owner_id ?? null,
  creatorId: t.creator_id ?? null,
  status: fromUpstream(taskStatusByCode, t.status, 'task status') as TaskStatus,
  priority: fromUpstream(taskPriorityByCode, t.priority, 'task priority') as TaskPriority,
  startDate: toIsoDate(t.start_date),
  endDate: toIsoDate(t.end_date),
  completedAt: toIsoDateTime(t.completed_at),
  assignees: t.assignees === undefined ? null : t.assignees.map((a) => toAssignee(a, workspaceId)),
  parentTaskId: t.parent_id ?? null,
  createdAt: toIsoDateTime(t.created_at),
  updatedAt: toIsoDateTime(t.updated_at),
});

export interface TasksArgs {
  workspaceId: number;
  projectId: number;
  status?: TaskStatus | null;
  priority?: TaskPriority | null;
  contractId?: number | null;
}

/**
 * `GET /tasks` per project. Doc set B makes `project_id` required, so the gateway never relies on
 * a workspace-wide task list.
 */
export const tasksList = list<TasksArgs, WireTask, TaskRecord>({
  name: 'tasks',
  path: '/tasks',
  cache: 'lists',
  query: (a) => ({
    workspace_id: a.workspaceId,
    project_id: a.projectId,
    status: a.status ? taskStatusCodes[a.status] : undefined,
    priority: a.priority ? taskPriorityCodes[a.priority] : undefined,
    contract_id: a.contractId,
  }),
  tags: (a) => [
    tags.workspace(a.workspaceId),
    tags.workspaceResource(a.workspaceId, 'tasks'),
    tags.project(a.workspaceId, a.projectId),
  ],
  map: toTask,
});

export interface TaskByIdArgs {
  workspaceId: number;
  id: number;
  /**
   * The task's project, sent as `project_id` whenever known: the reference marks it required on
   * the task-by-id operations (the docs-exact simulator refuses them without it).
   */
  projectId?: number | null;
}

/** `GET /tasks/{taskId}`: a task read on its own (a write's read-back, the naive loader mode). */
export const taskById = read<TaskByIdArgs, WireTask, TaskRecord>({
  name: 'task',
  path: '/tasks/{taskId}',
  pathParams: (a) => ({ taskId: a.id }),
  cache: 'lists',
  query: (a) => ({ workspace_id: a.workspaceId, project_id: a.projectId ?? undefined }),
  key: (a) => ({ workspace_id: a.workspaceId, task_id: a.id }),
  tags: (a) => [
    tags.workspace(a.workspaceId),
    tags.workspaceResource(a.workspaceId, 'tasks'),
    tags.task(a.workspaceId, a.id),
  ],
  map: (t, a) => toTask(t!, a),
});

/** `GET /tasks/{taskId}/assignees`: who a task is assigned to (the list the task embeds, paged). */
export const taskAssigneesList = list<
  { workspaceId: number; projectId: number; taskId: number },
  WireAssignee,
  AssigneeRecord
>({
  name: 'taskAssignees',
  path: '/tasks/{taskId}/assignees',
  pathParams: (a) => ({ taskId: a.taskId }),
  cache: 'lists',
  query: (a) => ({ workspace_id: a.workspaceId, project_id: a.projectId, task_id: a.taskId }),
  tags: (a) => [
    tags.workspace(a.workspaceId),
    tags.workspaceResource(a.workspaceId, 'tasks'),
    tags.task(a.workspaceId, a.taskId),
  ],
  map: (a, { workspaceId }) => toAssignee(a, workspaceId),
});

/** The writable fields of a task (create and update), in gateway spelling. */
export interface TaskFields {
  title?: string | null;
  description?: string | null;
  status?: TaskStatus | null;
  priority?: TaskPriority | null;
  startDate?: string | null;
  endDate?: string | null;
  parentTaskId?: number | null;
}

export interface CreateTaskArgs extends TaskFields {
  workspaceId: number;
  projectId: number;
  title: string;
}

export interface TaskRefArgs {
  workspaceId: number;
  projectId: number;
  taskId: number;
}

export interface UpdateTaskArgs extends TaskFields, TaskRefArgs {}

export interface TaskAssignArgs extends TaskRefArgs {
  userId: number;
}

const taskBody = (a: { workspaceId: number; projectId: number } & TaskFields) => ({
  workspace_id: a.workspaceId,
  project_id: a.projectId,
  title: a.title,
  description: a.description,
  status: a.status ? taskStatusCodes[a.status] : undefined,
  priority: a.priority ? taskPriorityCodes[a.priority] : undefined,
  start_date: a.startDate,
  end_date: a.endDate,
  parent_id: a.parentTaskId,
});

/** What a task write makes stale: the task lists (per project) and the task by id. */
const taskStale = (a: { workspaceId: number; taskId?: number }) => [
  tags.workspaceResource(a.workspaceId, 'tasks'),
  ...(a.taskId === undefined ? [] : [tags.task(a.workspaceId, a.taskId)]),
];

const readTask = (reads: Reads, a: TaskRefArgs) =>
  reads.read(taskById, { workspaceId: a.workspaceId, id: a.taskId, projectId: a.projectId });

/** A task known only by its ids (a write told nothing and could not be read back). */
const blankTask = (a: TaskRefArgs & TaskFields): TaskRecord => ({
  workspaceId: a.workspaceId,
  taskId: a.taskId,
  projectId: a.projectId,
  title: a.title ?? '',
  description: a.description ?? null,
  ownerId: null,
  creatorId: null,
  status: a.status ?? TaskStatus.INCOMPLETE,
  priority: a.priority ?? TaskPriority.NORMAL,
  startDate: a.startDate ?? null,
  endDate: a.endDate ?? null,
  completedAt: null,
  assignees: null,
  parentTaskId: a.parentTaskId ?? null,
  createdAt: null,
  updatedAt: null,
});

const taskRefBody = (a: TaskRefArgs) => ({ workspace_id: a.workspaceId, project_id: a.projectId });

/** `POST /tasks` (Owners, Executive, Project and Team Managers): WebWork answers with the task. */
export const createTask = write<CreateTaskArgs, WireTask | null, TaskRecord>({
  name: 'createTask',
  method: 'POST',
  path: '/tasks',
  verb: 'task creation',
  subject: "project's tasks",
  body: taskBody,
  stale: (a) => taskStale({ workspaceId: a.workspaceId }),
  told: (a, t) => {
    if (!t) {
      throw new GatewayError(
        'UPSTREAM_UNAVAILABLE',
        "WebWork created the task but did not tell its id; read the project's tasks before creating it again.",
      );
    }
    return toTask(t, a);
  },
});

/** `PUT /tasks/{taskId}`: partial update (`project_id` names the task's project), read back. */
export const updateTask = write<UpdateTaskArgs, WireTask | null, TaskRecord>({
  name: 'updateTask',
  method: 'PUT',
  path: '/tasks/{taskId}',
  pathParams: (a) => ({ taskId: a.taskId }),
  verb: 'task update',
  subject: 'task',
  body: taskBody,
  stale: taskStale,
  told: (a, t) => (t ? toTask(t, a) : blankTask(a)),
  readBack: { read: readTask },
});

/** `DELETE /tasks/{taskId}` (ids in the body): deletes the task and its sub-tasks. */
export const deleteTask = write<TaskRefArgs, unknown, TaskRecord>({
  name: 'deleteTask',
  method: 'DELETE',
  path: '/tasks/{taskId}',
  pathParams: (a) => ({ taskId: a.taskId }),
  verb: 'task deletion',
  subject: 'task',
  body: taskRefBody,
  stale: taskStale,
  told: (a) => blankTask(a),
});

/** `POST /tasks/{taskId}/assign/{userId}`: answers `data: null` (docs), so the task is read back. */
export const assignTask = write<TaskAssignArgs, WireTask | null, TaskRecord>({
  name: 'assignTask',
  method: 'POST',
  path: '/tasks/{taskId}/assign/{userId}',
  pathParams: (a) => ({ taskId: a.taskId, userId: a.userId }),
  verb: 'task assignment',
  subject: 'task',
  body: taskRefBody,
  stale: taskStale,
  told: (a, t) => (t ? toTask(t, a) : blankTask(a)),
  readBack: {
    read: readTask,
    applied: (state, a) => (state.assignees ?? []).some((x) => x.userId === a.userId),
  },
});

/** `DELETE /tasks/{taskId}/unassign/{userId}` (ids in the body); the task is read back. */
export const unassignTask = write<TaskAssignArgs, WireTask | null, TaskRecord>({
  name: 'unassignTask',
  method: 'DELETE',
  path: '/tasks/{taskId}/unassign/{userId}',
  pathParams: (a) => ({ taskId: a.taskId, userId: a.userId }),
  verb: 'task unassignment',
  subject: 'task',
  body: taskRefBody,
  stale: taskStale,
  told: (a, t) => (t ? toTask(t, a) : blankTask(a)),
  readBack: {
    read: readTask,
    applied: (state, a) => !(state.assignees ?? []).some((x) => x.userId === a.userId),
  },
});
