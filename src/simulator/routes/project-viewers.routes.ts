import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, notFound } from '../http/api-error.js';
import { requireRole } from '../http/auth.js';
import { ok, okPage } from '../http/envelope.js';
import { paginate } from '../http/pagination.js';
import {
  optionalString,
  pathInt,
  requiredEmail,
  requiredInt,
  requiredString,
  type Source,
} from '../http/params.js';
import { ADMIN_ROLES, type User } from '../state/model.js';
import { memberKey, newMembership } from '../state/store.js';
import { userToken } from '../state/demo-tokens.js';
import { isoSeconds } from '../state/time.js';
import { actionData, bodyOf, paramsOf, queryOf, type RouteContext, workspaceScope } from './context.js';
import { findViewer, type ViewerRecord, viewerView, viewersOf } from './project-viewers.views.js';

/**
 * Project viewers (REFERENCE §10.6): clients with read-only access to chosen projects. A viewer is
 * a membership with role `Project viewer` plus a `ViewerAccess` record (its project ids).
 *
 * Every operation is for Owners and Executive Managers (the docs say so for create, and "inferred"
 * for the rest).
 *
 * `viewerId` type (GAPS Project Viewers: "integer in doc set B, string in doc set A"), profile
 * `viewerIdType`: `lenient` serves doc set B, the viewer's integer user id, and a non-numeric path
 * id is a 422 naming the parameter; `docs-exact` serves doc set A, the same id as a string on the
 * wire (`"id": "105"`), and a path id that matches no viewer, numeric or not, is a 404.
 *
 * Actions (archive, restore, assign-project, unassign-project) return the viewer under `lenient`
 * and `data: null` under `docs-exact` (see `actionData`).
 *
 * Assumption (GAPS Project Viewers): create, archive and restore are member lifecycle moves, so they
 * raise `member.invited`, `member.archived` and `member.activated` with the viewer object as data.
 */
export function registerProjectViewersRoutes(app: FastifyInstance, ctx: RouteContext): void {
  /** Scope + role check + the viewer named in the path: the head of every `/{viewerId}` handler. */
  const scopedViewer = (request: FastifyRequest, action: string) => {
    const scope = workspaceScope(ctx, request);
    requireRole(scope.membership, ADMIN_ROLES, action);
    const viewerId = viewerIdOf(ctx, paramsOf(request));
    return { ...scope, viewer: findViewer(ctx.state, scope.workspaceId, viewerId) };
  };

  /** Assumption (GAPS Project Viewers): `email` filters by case-insensitive substring. */
  app.get('/project-viewers', async (request) => {
    const { workspaceId, membership } = workspaceScope(ctx, request);
    requireRole(membership, ADMIN_ROLES, 'list project viewers');
    const query = queryOf(request);
    const email = optionalString(query, 'email')?.trim().toLowerCase();
    const rows = viewersOf(ctx.state, workspaceId)
      .filter((v) => !email || ctx.state.users.get(v.membership.userId)?.email.toLowerCase().includes(email))
      .map((v) => viewerView(ctx.state, v, ctx.profile));
    return okPage(
      paginate(rows, query),
      'Project viewers retrieved successfully',
      ctx.profile.paginationOnEveryList,
    );
  });

  /**
   * Assumption (GAPS Project Viewers): an email that already belongs to a member of this workspace
   * is a 400; an email of a user from another workspace reuses that user. New users get the demo
   * token `demo-user-<id>` like seeded ones, so tests can act as the new viewer.
   */
  app.post('/project-viewers', async (request, reply) => {
    const { workspaceId, membership } = workspaceScope(ctx, request);
    requireRole(membership, ADMIN_ROLES, 'create project viewers');
    const body = bodyOf(request);
    const email = requiredEmail(body, 'email').trim();
    const firstname = requiredString(body, 'firstname', { maxLength: 100 }).trim();
    const lastname = requiredString(body, 'lastname', { maxLength: 100 }).trim();
    const { state } = ctx;
    let user = [...state.users.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
    if (user && state.membership(workspaceId, user.id)) {
      throw badRequest(`A member with email ${email} already exists in workspace ${workspaceId}`);
    }
    if (!user) {
      const id = state.nextId('user', 100);
      user = { id, email, firstname, lastname, avatar: null, timezone: null } satisfies User;
      state.users.set(id, user);
      state.tokens.set(userToken(id), id);
    }
    const now = isoSeconds(ctx.now());
    const created = newMembership(workspaceId, user.id, 'Project viewer', 'active', now);
    state.memberships.set(memberKey(workspaceId, user.id), created);
    const access = { workspaceId, userId: user.id, projectIds: [], memberSince: now };
    state.viewers.set(memberKey(workspaceId, user.id), access);
    const data = viewerView(state, { membership: created, access }, ctx.profile);
    ctx.events.emit('member.invited', workspaceId, data);
    return reply.status(201).send(ok(data, 'Project viewer created successfully'));
  });

  app.get('/project-viewers/:viewerId', async (request) => {
    const { viewer } = scopedViewer(request, 'view project viewers');
    return ok(viewerView(ctx.state, viewer, ctx.profile), 'Project viewer retrieved successfully');
  });

  /** Archive = status `left` (soft delete). Assumption (GAPS Project Viewers): archiving twice is a 400. */
  app.delete('/project-viewers/:viewerId', async (request) => {
    const { workspaceId, viewer } = scopedViewer(request, 'archive project viewers');
    if (viewer.membership.status === 'left') {
      throw badRequest(`Project viewer ${viewer.membership.userId} is already archived`);
    }
    setStatus(viewer, 'left', isoSeconds(ctx.now()));
    const data = viewerView(ctx.state, viewer, ctx.profile);
    ctx.events.emit('member.archived', workspaceId, data);
    return ok(
      actionData(ctx, () => data),
      'Project viewer archived successfully',
    );
  });

  app.post('/project-viewers/:viewerId/restore', async (request) => {
    const { workspaceId, viewer } = scopedViewer(request, 'restore project viewers');
    if (viewer.membership.status !== 'left') {
      throw badRequest(
        `Project viewer ${viewer.membership.userId} is not archived (status "${viewer.membership.status}"); only archived viewers can be restored`,
      );
    }
    setStatus(viewer, 'active', isoSeconds(ctx.now()));
    const data = viewerView(ctx.state, viewer, ctx.profile);
    ctx.events.emit('member.activated', workspaceId, data);
    return ok(
      actionData(ctx, () => data),
      'Project viewer restored successfully',
    );
  });

  /**
   * Assumption (GAPS Project Viewers): assigning a project the viewer already has, or unassigning
   * one it does not have, is a 400 (not a silent no-op); an archived viewer must be restored first.
   * `project_id` may also come in the query string (for clients that cannot send a DELETE body).
   */
  const projectChange = (request: FastifyRequest, action: string) => {
    const scope = scopedViewer(request, `${action} projects for project viewers`);
    const source = { ...queryOf(request), ...bodyOf(request) };
    const projectId = requiredInt(source, 'project_id', { min: 1 });
    const project = ctx.state.projects.get(projectId);
    if (!project || project.workspaceId !== scope.workspaceId) {
      throw notFound(`No project with id ${projectId} in workspace ${scope.workspaceId}`);
    }
    let access = scope.viewer.access;
    if (!access) {
      access = {
        workspaceId: scope.workspaceId,
        userId: scope.viewer.membership.userId,
        projectIds: [],
        memberSince: scope.viewer.membership.createdAt,
      };
      ctx.state.viewers.set(memberKey(scope.workspaceId, access.userId), access);
      scope.viewer.access = access;
    }
    return { ...scope, projectId, access };
  };

  app.post('/project-viewers/:viewerId/assign-project', async (request) => {
    const { viewer, projectId, access } = projectChange(request, 'assign');
    if (viewer.membership.status === 'left') {
      throw badRequest(`Project viewer ${access.userId} is archived; restore it before assigning projects`);
    }
    if (access.projectIds.includes(projectId)) {
      throw badRequest(`Project ${projectId} is already assigned to project viewer ${access.userId}`);
    }
    access.projectIds.push(projectId);
    return ok(
      actionData(ctx, () => viewerView(ctx.state, viewer, ctx.profile)),
      'Project assigned to viewer successfully',
    );
  });

  app.delete('/project-viewers/:viewerId/unassign-project', async (request) => {
    const { viewer, projectId, access } = projectChange(request, 'unassign');
    if (!access.projectIds.includes(projectId)) {
      throw badRequest(`Project ${projectId} is not assigned to project viewer ${access.userId}`);
    }
    access.projectIds = access.projectIds.filter((id) => id !== projectId);
    return ok(
      actionData(ctx, () => viewerView(ctx.state, viewer, ctx.profile)),
      'Project unassigned from viewer successfully',
    );
  });
}

/**
 * The path's viewer id as the user id it stands for. Under `docs-exact` (string ids) an id that is
 * not a user id names no viewer: 0, which no user has, so the lookup answers 404.
 */
function viewerIdOf(ctx: RouteContext, params: Source): number {
  if (ctx.profile.viewerIdType === 'integer') return pathInt(params, 'viewerId', 'project viewer');
  const raw = String(params.viewerId ?? '');
  return /^\d+$/.test(raw) ? Number(raw) : 0;
}

function setStatus(viewer: ViewerRecord, status: 'active' | 'left', now: string) {
  viewer.membership.status = status;
  viewer.membership.updatedAt = now;
}
