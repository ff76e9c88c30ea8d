import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, notFound, unprocessable } from '../http/api-error.js';
import { requireRole } from '../http/auth.js';
import { ok, okPage } from '../http/envelope.js';
import { paginate } from '../http/pagination.js';
import {
  assertOrdered,
  optionalDate,
  optionalEnum,
  optionalInt,
  optionalString,
  pathInt,
  requiredInt,
  requiredString,
  type Source,
} from '../http/params.js';
import {
  type Membership,
  type Task,
  TASK_MANAGER_ROLES,
  TASK_PRIORITIES,
  TASK_STATUSES,
} from '../state/model.js';
import type { SimState } from '../state/store.js';
import { isoSeconds } from '../state/time.js';
import { bodyOf, paramsOf, queryOf, type RouteContext, workspaceScope } from './context.js';
import { findContract } from './contracts.views.js';
import { nonEmpty, requireSomeField } from './members.routes.js';
import { canSeeProject, findProject, visibleProjectIds } from './projects.views.js';
import { assigneeView, findTask, taskView } from './tasks.views.js';

const UPDATABLE = [
  'title',
  'description',
  'status',
  'priority',
  'start_date',
  'end_date',
  'assignees',
  'parent_id',
];
const ORDER_FIELDS = [
  'id',
  'title',
  'status',
  'priority',
  'start_date',
  'end_date',
  'created_at',
  'updated_at',
];

/**
 * Query and body together: the docs put `workspace_id`/`project_id` in the query of GETs and in the
 * JSON body of writes, DELETEs included (GAPS G9: either place is accepted).
 */
const inputOf = (request: FastifyRequest): Source => ({ ...queryOf(request), ...bodyOf(request) });

/**
 * `project_id` of a task operation: optional under `lenient` (MindCloud lists it optional on
 * `GET /tasks`; a given one must match the task), required (400) under `docs-exact`, as REFERENCE
 * §10.5 marks it on GET /tasks ("Required in doc set B"), the task-by-id operations and assign,
 * unassign and assignees (profile `taskProjectIdOptional`).
 */
const taskProjectId = (ctx: RouteContext, source: Source): number | undefined =>
  ctx.profile.taskProjectIdOptional
    ? optionalInt(source, 'project_id', { min: 1 })
    : requiredInt(source, 'project_id', { min: 1 });

/** REFERENCE §10.5: tasks of projects, their assignees. */
export function registerTasksRoutes(app: FastifyInstance, ctx: RouteContext): void {
  /**
   * Tasks of one project, or, without `project_id` (only under `lenient`, see `taskProjectId`), of
   * every active project the caller may see. Filters: `status`, `priority`, `contract_id` (tasks
   * of the contract's project assigned to the contract's member), `parent_id` (sub-tasks of a task;
   * 0 or "null" = top-level tasks only). Assumption (GAPS Tasks): `order_by` takes one of
   * ORDER_FIELDS, with a leading "-" for descending; the default order is by id.
   */
  app.get('/tasks', async (request) => {
    const { state } = ctx;
    const { membership, workspaceId } = workspaceScope(ctx, request);
    const query = queryOf(request);
    const projectId = taskProjectId(ctx, query);
    const status = optionalEnum(query, 'status', TASK_STATUSES);
    const priority = optionalEnum(query, 'priority', TASK_PRIORITIES);
    const contractId = optionalInt(query, 'contract_id', { min: 1 });
    const parentId = query.parent_id === 'null' ? 0 : optionalInt(query, 'parent_id', { min: 0 });
    const orderBy = optionalEnum(query, 'order_by', [...ORDER_FIELDS, ...ORDER_FIELDS.map((f) => `-${f}`)]);
    const contract = contractId === undefined ? undefined : findContract(state, membership, contractId);

    let inScope: (task: Task) => boolean;
    if (projectId !== undefined) {
      findProject(state, membership, projectId);
      inScope = (t) => t.projectId === projectId;
    } else {
      const visible = visibleProjectIds(state, membership);
      inScope = (t) => canSeeProject(visible, t.projectId) && state.projects.get(t.projectId)?.status !== 0;
    }
    const rows = [...state.tasks.values()]
      .filter((t) => t.workspaceId === workspaceId && inScope(t))
      .filter((t) => status === undefined || t.status === status)
      .filter((t) => priority === undefined || t.priority === priority)
      .filter(
        (t) => !contract || (t.projectId === contract.projectId && t.assigneeIds.includes(contract.userId)),
      )
      .filter((t) => parentId === undefined || t.parentId === (parentId === 0 ? null : parentId));
    if (orderBy) sortTasks(rows, orderBy);
    const page = paginate(rows, query);
    return okPage(
      { ...page, data: page.data.map((t) => taskView(state, t)) },
      'Tasks retrieved successfully',
      ctx.profile.paginationOnEveryList,
    );
  });

  /**
   * Create (201). Assumptions (GAPS G7, Tasks): `owner_id` is the workspace owner and `creator_id`
   * the caller; a Project or Team manager must be able to see the project (403 otherwise); tasks
   * cannot be added to an archived project (400); `assignees` follow the assign rule below.
   */
  app.post('/tasks', async (request, reply) => {
    const { state } = ctx;
    const { membership, workspaceId } = workspaceScope(ctx, request);
    requireRole(membership, TASK_MANAGER_ROLES, 'create tasks');
    const body = bodyOf(request);
    const projectId = requiredInt(body, 'project_id', { min: 1 });
    const title = requiredString(body, 'title');
    const description = optionalString(body, 'description', { maxLength: 5000 });
    const status = optionalEnum(body, 'status', TASK_STATUSES) ?? 0;
    const priority = optionalEnum(body, 'priority', TASK_PRIORITIES) ?? 30;
    const startDate = optionalDate(body, 'start_date') ?? null;
    const endDate = optionalDate(body, 'end_date') ?? null;
    if (startDate && endDate) assertOrdered('start_date', startDate, 'end_date', endDate);
    const assignees = optionalIntArray(body, 'assignees') ?? [];
    const parentId = optionalInt(body, 'parent_id', { min: 1 }) ?? null;

    const project = findProject(state, membership, projectId);
    if (project.status === 0) throw badRequest(`Project ${projectId} is archived; tasks cannot be added`);
    for (const userId of assignees) assertAssignable(state, workspaceId, projectId, userId, 'assignees');
    if (parentId !== null) assertParent(state, projectId, parentId, undefined);

    const now = ctx.now();
    const task: Task = {
      id: state.nextId('task', 20000),
      workspaceId,
      projectId,
      title,
      description: description ?? null,
      ownerId: state.workspaces.get(workspaceId)!.ownerId,
      creatorId: membership.userId,
      status,
      priority,
      startDate,
      endDate,
      completedAt: status >= 20 ? isoSeconds(now) : null,
      assigneeIds: [...new Set(assignees)],
      parentId,
      createdAt: isoSeconds(now),
      updatedAt: isoSeconds(now),
    };
    state.tasks.set(task.id, task);
    return reply.status(201).send(ok(taskView(state, task), 'Task created successfully'));
  });

  /** `project_id` (see `taskProjectId`), when given, must be the task's project. */
  app.get('/tasks/:taskId', async (request) => {
    const { membership } = workspaceScope(ctx, request);
    const taskId = pathInt(paramsOf(request), 'taskId', 'task');
    const projectId = taskProjectId(ctx, queryOf(request));
    const task = findTask(ctx.state, membership, taskId, projectId);
    return ok(taskView(ctx.state, task), 'Task retrieved successfully');
  });

  /**
   * Partial update. `assignees`, when sent, replaces the assignee list. `completed_at` is set when
   * the status becomes Done/Completed (20/30) and cleared when it goes back. Assumption (GAPS
   * Tasks): `project_id` identifies the task's project (see `taskProjectId`; a task is not moved
   * between projects).
   */
  app.put('/tasks/:taskId', async (request) => {
    const { state } = ctx;
    const { membership, workspaceId } = workspaceScope(ctx, request);
    requireRole(membership, TASK_MANAGER_ROLES, 'update tasks');
    const taskId = pathInt(paramsOf(request), 'taskId', 'task');
    const body = bodyOf(request);
    const task = findTask(state, membership, taskId, taskProjectId(ctx, inputOf(request)));
    requireSomeField(body, UPDATABLE);
    const title = nonEmpty(body, 'title');
    const description = optionalString(body, 'description', { maxLength: 5000 });
    const status = optionalEnum(body, 'status', TASK_STATUSES);
    const priority = optionalEnum(body, 'priority', TASK_PRIORITIES);
    const startDate = optionalDate(body, 'start_date') ?? task.startDate;
    const endDate = optionalDate(body, 'end_date') ?? task.endDate;
    if (startDate && endDate) assertOrdered('start_date', startDate, 'end_date', endDate);
    const assignees = optionalIntArray(body, 'assignees');
    for (const userId of assignees ?? []) {
      assertAssignable(state, workspaceId, task.projectId, userId, 'assignees');
    }
    const parentId = optionalInt(body, 'parent_id', { min: 1 });
    if (parentId !== undefined) assertParent(state, task.projectId, parentId, task.id);

    const now = isoSeconds(ctx.now());
    if (title !== undefined) task.title = title;
    if (description !== undefined) task.description = description;
    if (status !== undefined) {
      if (status >= 20 && task.status < 20) task.completedAt = now;
      if (status < 20) task.completedAt = null;
      task.status = status;
    }
    if (priority !== undefined) task.priority = priority;
    task.startDate = startDate;
    task.endDate = endDate;
    if (assignees) task.assigneeIds = [...new Set(assignees)];
    if (parentId !== undefined) task.parentId = parentId;
    task.updatedAt = now;
    return ok(taskView(state, task), 'Task updated successfully');
  });

  /**
   * `workspace_id` and `project_id` come in the JSON body of the DELETE (query accepted too).
   * Assumption (GAPS Tasks): sub-tasks are deleted with their parent.
   */
  app.delete('/tasks/:taskId', async (request) => {
    const { state } = ctx;
    const { membership } = workspaceScope(ctx, request);
    requireRole(membership, TASK_MANAGER_ROLES, 'delete tasks');
    const taskId = pathInt(paramsOf(request), 'taskId', 'task');
    findTask(state, membership, taskId, taskProjectId(ctx, inputOf(request)));
    const doomed = [taskId];
    for (let i = 0; i < doomed.length; i++) {
      for (const t of state.tasks.values()) if (t.parentId === doomed[i]) doomed.push(t.id);
    }
    for (const id of doomed) state.tasks.delete(id);
    return ok(null, 'Task deleted successfully');
  });

  /**
   * Assumptions (GAPS Tasks): the user must be a member of the workspace (404 if not) who is not
   * archived and holds a contract (active or paused) on the task's project (422 otherwise);
   * assigning someone already assigned is a 422 (not silently accepted), as is unassigning
   * someone who is not assigned. `data` is null, as in the unassign example.
   */
  app.post('/tasks/:taskId/assign/:userId', async (request) => {
    const { state } = ctx;
    const { membership, workspaceId } = workspaceScope(ctx, request);
    requireRole(membership, TASK_MANAGER_ROLES, 'assign tasks');
    const params = paramsOf(request);
    const taskId = pathInt(params, 'taskId', 'task');
    const userId = pathInt(params, 'userId', 'user');
    const task = findTask(state, membership, taskId, taskProjectId(ctx, inputOf(request)));
    assertAssignable(state, workspaceId, task.projectId, userId, 'userId');
    if (task.assigneeIds.includes(userId)) {
      throw unprocessable(`User ${userId} is already assigned to task ${taskId}`);
    }
    task.assigneeIds.push(userId);
    task.updatedAt = isoSeconds(ctx.now());
    return ok(null, 'Task assigned successfully');
  });

  app.delete('/tasks/:taskId/unassign/:userId', async (request) => {
    const { state } = ctx;
    const { membership } = workspaceScope(ctx, request);
    requireRole(membership, TASK_MANAGER_ROLES, 'unassign tasks');
    const params = paramsOf(request);
    const taskId = pathInt(params, 'taskId', 'task');
    const userId = pathInt(params, 'userId', 'user');
    const task = findTask(state, membership, taskId, taskProjectId(ctx, inputOf(request)));
    if (!task.assigneeIds.includes(userId)) {
      throw unprocessable(`User ${userId} is not assigned to task ${taskId}`);
    }
    task.assigneeIds = task.assigneeIds.filter((id) => id !== userId);
    task.updatedAt = isoSeconds(ctx.now());
    return ok(null, 'Task unassigned successfully');
  });

  app.get('/tasks/:taskId/assignees', async (request) => {
    const { membership } = workspaceScope(ctx, request);
    const taskId = pathInt(paramsOf(request), 'taskId', 'task');
    const query = queryOf(request);
    const task = findTask(ctx.state, membership, taskId, taskProjectId(ctx, query));
    const page = paginate(task.assigneeIds, query);
    return okPage(
      { ...page, data: page.data.map((id) => assigneeView(ctx.state, id)) },
      'Task assignees retrieved successfully',
      ctx.profile.paginationOnEveryList,
    );
  });
}

/** Who may be assigned to a task of a project (see the assign route's assumptions). */
function assertAssignable(
  state: SimState,
  workspaceId: number,
  projectId: number,
  userId: number,
  name: string,
) {
  const member: Membership | undefined = state.membership(workspaceId, userId);
  if (!member) throw notFound(`No member with ${name} ${userId} in workspace ${workspaceId}`);
  if (member.status === 'left') throw unprocessable(`${name} ${userId} is an archived member`);
  const hasContract = state
    .contractsOf(workspaceId)
    .some((c) => c.userId === userId && c.projectId === projectId);
  if (!hasContract) {
    throw unprocessable(
      `${name} ${userId} has no contract on project ${projectId}; only its members can be assigned`,
    );
  }
}

/** A parent must be another task of the same project, and not one of the task's own sub-tasks. */
function assertParent(state: SimState, projectId: number, parentId: number, taskId: number | undefined) {
  const parent = state.tasks.get(parentId);
  if (!parent || parent.projectId !== projectId) {
    throw unprocessable(`parent_id ${parentId} is not a task of project ${projectId}`);
  }
  for (
    let t: Task | undefined = parent;
    t;
    t = t.parentId === null ? undefined : state.tasks.get(t.parentId)
  ) {
    if (t.id === taskId)
      throw unprocessable(`parent_id ${parentId} would make task ${taskId} its own ancestor`);
  }
}

/** An array of user ids from JSON (numbers or numeric strings) or a comma-separated string. */
function optionalIntArray(source: Source, name: string): number[] | undefined {
  const raw = source[name] ?? source[`${name}[]`];
  if (raw === undefined || raw === null) return undefined;
  const list = Array.isArray(raw)
    ? raw
    : typeof raw === 'string'
      ? raw.split(',').filter((s) => s.trim())
      : null;
  const ids = list?.map((item) =>
    typeof item === 'string' && /^\s*\d+\s*$/.test(item) ? Number(item) : item,
  );
  if (!ids || ids.some((id) => typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1)) {
    throw unprocessable(
      `${name} must be an array of user ids (positive integers), got ${JSON.stringify(raw)}`,
    );
  }
  return ids as number[];
}

function sortTasks(rows: Task[], orderBy: string): void {
  const descending = orderBy.startsWith('-');
  const field = descending ? orderBy.slice(1) : orderBy;
  const key = (t: Task): string | number | null =>
    ({
      id: t.id,
      title: t.title.toLowerCase(),
      status: t.status,
      priority: t.priority,
      start_date: t.startDate,
      end_date: t.endDate,
      created_at: t.createdAt,
      updated_at: t.updatedAt,
    })[field] ?? null;
  rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return a.id - b.id;
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * (descending ? -1 : 1);
  });
}
