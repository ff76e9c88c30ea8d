import { tags } from '../cache/keys.js';
import { toIsoDate, toIsoDateTime } from './dates.js';
import { fromUpstream } from './enum-table.js';
import { list, read } from './operation.js';
import {
  type TaskPriority,
  taskPriorityByCode,
  taskPriorityCodes,
  type TaskStatus,
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

export interface TaskRecord {
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
  assignees: AssigneeRecord[];
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
  assignees?: { id: number; firstname?: string | null; lastname?: string | null; email?: string | null }[];
  parent_id?: number | null;
  created_at?: string | null;
  updated_at?: string | null;
}

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
  assignees: (t.assignees ?? []).map((a) => ({
    workspaceId,
    userId: a.id,
    firstName: a.firstname ?? null,
    lastName: a.lastname ?? null,
    email: a.email ?? null,
  })),
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

/** `GET /tasks/{taskId}`: a task whose project is not known (and the naive loader mode). */
export const taskById = read<{ workspaceId: number; id: number }, WireTask, TaskRecord>({
  name: 'task',
  path: '/tasks/{taskId}',
  pathParams: (a) => ({ taskId: a.id }),
  cache: 'lists',
  query: (a) => ({ workspace_id: a.workspaceId }),
  key: (a) => ({ workspace_id: a.workspaceId, task_id: a.id }),
  tags: (a) => [
    tags.workspace(a.workspaceId),
    tags.workspaceResource(a.workspaceId, 'tasks'),
    tags.task(a.workspaceId, a.id),
  ],
  map: (t, a) => toTask(t!, a),
});
