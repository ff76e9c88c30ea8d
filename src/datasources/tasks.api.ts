import { tags } from '../cache/keys.js';
import { TaskPriority, TaskStatus, taskPriorityCodes, taskStatusCodes } from '../schema/enums/task.enums.js';
import { fromUpstream, invert } from '../schema/enums/enum-mapping.js';
import type { Caller } from './caller.js';
import { toIsoDate, toIsoDateTime } from './dates.js';
import type { DatasourceDeps } from './deps.js';
import { readOne, readPage } from './list-reads.js';
import { allPages, UPSTREAM_PAGE_SIZE, type UpstreamPage } from './paging.js';

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

export interface TaskFilters {
  status?: number;
  priority?: number;
  contract_id?: number;
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

const statusByCode = invert(taskStatusCodes);
const priorityByCode = invert(taskPriorityCodes);

export const toTask =
  (workspaceId: number) =>
  (t: WireTask): TaskRecord => ({
    workspaceId,
    taskId: t.id,
    projectId: t.project_id,
    title: t.title,
    description: t.description ?? null,
    ownerId: t.owner_id ?? null,
    creatorId: t.creator_id ?? null,
    status: fromUpstream(statusByCode, t.status, 'task status') as TaskStatus,
    priority: fromUpstream(priorityByCode, t.priority, 'task priority') as TaskPriority,
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

/**
 * `GET /tasks` per project (pages) and `GET /tasks/{id}`. Tasks are listed per project: doc set B
 * makes `project_id` required, so the gateway never relies on a workspace-wide task list.
 */
export class TasksApi {
  constructor(private readonly deps: DatasourceDeps) {}

  page(
    caller: Caller,
    workspaceId: number,
    projectId: number,
    filters: TaskFilters,
    page: number,
  ): Promise<UpstreamPage<TaskRecord>> {
    return readPage(this.deps, caller, {
      resource: 'tasks',
      path: '/tasks',
      query: {
        workspace_id: workspaceId,
        project_id: projectId,
        page,
        per_page: UPSTREAM_PAGE_SIZE,
        ...filters,
      },
      tags: [
        tags.workspace(workspaceId),
        tags.workspaceResource(workspaceId, 'tasks'),
        tags.project(workspaceId, projectId),
      ],
      map: toTask(workspaceId),
    });
  }

  allOfProject(caller: Caller, workspaceId: number, projectId: number): Promise<TaskRecord[]> {
    return allPages((page) => this.page(caller, workspaceId, projectId, {}, page));
  }

  byId(caller: Caller, workspaceId: number, taskId: number): Promise<TaskRecord> {
    return readOne(this.deps, caller, {
      resource: 'task',
      path: `/tasks/${taskId}`,
      query: { workspace_id: workspaceId },
      keyParams: { workspace_id: workspaceId, task_id: taskId },
      tags: [tags.workspace(workspaceId), tags.task(workspaceId, taskId)],
      map: toTask(workspaceId),
    });
  }
}
