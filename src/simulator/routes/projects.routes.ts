import type { FastifyInstance } from 'fastify';
import { badRequest } from '../http/api-error.js';
import { requireRole } from '../http/auth.js';
import { ok, okPage } from '../http/envelope.js';
import { paginate } from '../http/pagination.js';
import {
  assertOrdered,
  optionalBool,
  optionalDate,
  optionalInt,
  optionalNumber,
  optionalString,
  pathInt,
  requiredString,
  type Source,
} from '../http/params.js';
import { ADMIN_ROLES, type Project } from '../state/model.js';
import { isoSeconds } from '../state/time.js';
import { bodyOf, paramsOf, queryOf, type RouteContext, workspaceScope } from './context.js';
import { nonEmpty, requireSomeField } from './members.routes.js';
import { canSeeProject, findProject, projectView, visibleProjectIds } from './projects.views.js';

const UPDATABLE = [
  'name',
  'start_date',
  'deadline',
  'estimation',
  'budget',
  'notes',
  'icon',
  'is_billable',
  'rate',
  'weekly_hours_limit',
  'screenshots',
];

/**
 * The optional project fields of create and update. Assumption (GAPS Projects): besides the
 * documented `start_date`, `deadline`, `estimation`, `budget`, `notes` and `icon`, the fields the
 * Project object shows (`is_billable`, `rate`, `weekly_hours_limit`, `screenshots`) are accepted
 * too, so billable and non-billable projects can be made through the API.
 */
function readProjectFields(body: Source) {
  return {
    startDate: optionalDate(body, 'start_date'),
    deadline: optionalDate(body, 'deadline'),
    estimation: optionalNumber(body, 'estimation', { min: 0 }),
    budget: optionalNumber(body, 'budget', { min: 0 }),
    notes: optionalString(body, 'notes', { maxLength: 5000 }),
    icon: optionalString(body, 'icon'),
    isBillable: optionalBool(body, 'is_billable'),
    rate: optionalNumber(body, 'rate', { min: 0 }),
    weeklyHoursLimit: optionalInt(body, 'weekly_hours_limit', { min: 0, max: 168 }),
    screenshots: optionalString(body, 'screenshots', { maxLength: 32 }),
  };
}

/** REFERENCE §10.3: list, create, get, update, archive projects. */
export function registerProjectsRoutes(app: FastifyInstance, ctx: RouteContext): void {
  /**
   * Role-filtered list (see `visibleProjectIds`), optionally by case-insensitive `name` part.
   * Assumption (GAPS Projects): archived projects (status 0) are left out of the list; they stay
   * readable through GET /projects/{projectId}.
   */
  app.get('/projects', async (request) => {
    const { state } = ctx;
    const { membership, workspaceId } = workspaceScope(ctx, request);
    const query = queryOf(request);
    const name = optionalString(query, 'name')?.toLowerCase();
    const visible = visibleProjectIds(state, membership);
    const rows = state
      .projectsOf(workspaceId)
      .filter((p) => p.status !== 0 && canSeeProject(visible, p.id))
      .filter((p) => !name || p.name.toLowerCase().includes(name));
    const page = paginate(rows, query);
    return okPage(
      { ...page, data: page.data.map((p) => projectView(state, p, membership)) },
      'Projects retrieved successfully',
      ctx.profile.paginationOnEveryList,
    );
  });

  /** Assumption (GAPS G7): 201. New projects are active, billable, rate 0, 168 h/week, no tags. */
  app.post('/projects', async (request, reply) => {
    const { state } = ctx;
    const { membership, workspaceId } = workspaceScope(ctx, request);
    requireRole(membership, ADMIN_ROLES, 'create projects');
    const body = bodyOf(request);
    const name = requiredString(body, 'name');
    const fields = readProjectFields(body);
    if (fields.startDate && fields.deadline) {
      assertOrdered('start_date', fields.startDate, 'deadline', fields.deadline);
    }
    const now = isoSeconds(ctx.now());
    const project: Project = {
      id: state.nextId('project', 1000),
      workspaceId,
      name,
      ownerId: state.workspaces.get(workspaceId)!.ownerId,
      startDate: fields.startDate ?? null,
      deadline: fields.deadline ?? null,
      estimation: fields.estimation ?? null,
      budget: fields.budget ?? null,
      notes: fields.notes ?? null,
      icon: fields.icon ?? null,
      isBillable: fields.isBillable ?? true,
      rate: fields.rate ?? 0,
      weeklyHoursLimit: fields.weeklyHoursLimit ?? 168,
      screenshots: fields.screenshots ?? null,
      tags: [],
      status: 1,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    state.projects.set(project.id, project);
    ctx.events.emit('project.created', workspaceId, projectView(state, project, 'full'));
    return reply
      .status(201)
      .send(ok(projectView(state, project, membership), 'Project created successfully'));
  });

  app.get('/projects/:projectId', async (request) => {
    const { membership } = workspaceScope(ctx, request);
    const projectId = pathInt(paramsOf(request), 'projectId', 'project');
    const project = findProject(ctx.state, membership, projectId, 'id');
    return ok(projectView(ctx.state, project, membership), 'Project retrieved successfully');
  });

  /** Partial update; an archived project cannot be changed (400). */
  app.put('/projects/:projectId', async (request) => {
    const { state } = ctx;
    const { membership, workspaceId } = workspaceScope(ctx, request);
    requireRole(membership, ADMIN_ROLES, 'update projects');
    const projectId = pathInt(paramsOf(request), 'projectId', 'project');
    const project = findProject(state, membership, projectId, 'id');
    const body = bodyOf(request);
    requireSomeField(body, UPDATABLE);
    if (project.status === 0) throw badRequest(`Project ${projectId} is archived and cannot be updated`);
    const name = nonEmpty(body, 'name');
    const fields = readProjectFields(body);
    const startDate = fields.startDate ?? project.startDate;
    const deadline = fields.deadline ?? project.deadline;
    if (startDate && deadline) assertOrdered('start_date', startDate, 'deadline', deadline);

    if (name !== undefined) project.name = name;
    project.startDate = startDate;
    project.deadline = deadline;
    if (fields.estimation !== undefined) project.estimation = fields.estimation;
    if (fields.budget !== undefined) project.budget = fields.budget;
    if (fields.notes !== undefined) project.notes = fields.notes;
    if (fields.icon !== undefined) project.icon = fields.icon;
    if (fields.isBillable !== undefined) project.isBillable = fields.isBillable;
    if (fields.rate !== undefined) project.rate = fields.rate;
    if (fields.weeklyHoursLimit !== undefined) project.weeklyHoursLimit = fields.weeklyHoursLimit;
    if (fields.screenshots !== undefined) project.screenshots = fields.screenshots;
    project.updatedAt = isoSeconds(ctx.now());
    ctx.events.emit('project.updated', workspaceId, projectView(state, project, 'full'));
    return ok(projectView(state, project, membership), 'Project updated successfully');
  });

  /**
   * Archive (soft delete): status 0 and `deleted_at` set; contracts and tasks are kept.
   * Assumption (GAPS Projects): archiving an archived project is an invalid state move (400);
   * there is no restore operation.
   */
  app.delete('/projects/:projectId', async (request) => {
    const { state } = ctx;
    const { membership, workspaceId } = workspaceScope(ctx, request);
    requireRole(membership, ADMIN_ROLES, 'archive projects');
    const projectId = pathInt(paramsOf(request), 'projectId', 'project');
    const project = findProject(state, membership, projectId, 'id');
    if (project.status === 0) throw badRequest(`Project ${projectId} is already archived`);
    const now = isoSeconds(ctx.now());
    project.status = 0;
    project.deletedAt = now;
    project.updatedAt = now;
    ctx.events.emit('project.deleted', workspaceId, projectView(state, project, 'full'));
    return ok(null, 'Project archived successfully');
  });
}
