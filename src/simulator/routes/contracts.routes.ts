import type { FastifyInstance } from 'fastify';
import { badRequest, notFound, unprocessable } from '../http/api-error.js';
import { canViewRates, requireRole } from '../http/auth.js';
import { ok, okPage } from '../http/envelope.js';
import { paginate } from '../http/pagination.js';
import { optionalEnum, optionalInt, optionalNumber, pathInt, requiredInt } from '../http/params.js';
import { ADMIN_ROLES, type Contract, CONTRACT_SCREENSHOTS } from '../state/model.js';
import { isoSeconds } from '../state/time.js';
import { bodyOf, paramsOf, queryOf, type RouteContext, workspaceScope } from './context.js';
import { canSeeContract, contractView, findContract } from './contracts.views.js';
import { requireSomeField } from './members.routes.js';
import { findProject } from './projects.views.js';

const STATUSES = ['active', 'paused'] as const;

/** REFERENCE §10.4: list, create, get, update, delete contracts (member ↔ project assignments). */
export function registerContractsRoutes(app: FastifyInstance, ctx: RouteContext): void {
  /**
   * Role-filtered list (see `canSeeContract`) with `project_id`, `user_id` and `status` filters.
   * The docs put `pagination` {current_page, per_page, total, last_page} at the top level; it is
   * sent there and, as on every list (GAPS G8), in `meta.pagination` too. Contracts of archived
   * projects are still listed (archiving a project keeps its contracts).
   */
  app.get('/contracts', async (request) => {
    const { state } = ctx;
    const { membership, workspaceId } = workspaceScope(ctx, request);
    const query = queryOf(request);
    const projectId = optionalInt(query, 'project_id', { min: 1 });
    const userId = optionalInt(query, 'user_id', { min: 1 });
    const status = optionalEnum(query, 'status', STATUSES);
    const rows = state
      .contractsOf(workspaceId)
      .filter((c) => canSeeContract(state, membership, c))
      .filter((c) => projectId === undefined || c.projectId === projectId)
      .filter((c) => userId === undefined || c.userId === userId)
      .filter((c) => !status || c.status === status);
    const page = paginate(rows, query);
    const { current_page, per_page, total, last_page } = page.pagination;
    return {
      ...okPage(
        { ...page, data: page.data.map((c) => contractView(state, c, membership)) },
        'Contracts retrieved successfully',
        ctx.profile.paginationOnEveryList,
      ),
      pagination: { current_page, per_page, total, last_page },
    };
  });

  /**
   * Assign a member to a project (201). The project must be an active project of the workspace and
   * the user a member (404 when unknown). Assumptions (GAPS Contracts): an archived (`left`) member
   * or a Project viewer cannot get a contract (422; viewers get projects through
   * /project-viewers); a second contract for the same member and project is a 422; without `rate`
   * the member's own rate applies (rate_type 2 "Member Rate"), with it rate_type is 1 "Custom
   * Rate"; `screenshots` defaults to "full".
   */
  app.post('/contracts', async (request, reply) => {
    const { state } = ctx;
    const { membership, workspaceId } = workspaceScope(ctx, request);
    requireRole(membership, ADMIN_ROLES, 'create contracts');
    const body = bodyOf(request);
    const projectId = requiredInt(body, 'project_id', { min: 1 });
    const userId = requiredInt(body, 'user_id', { min: 1 });
    const weeklyHoursLimit = optionalInt(body, 'weekly_hours_limit', { min: 0, max: 168 });
    const screenshots = optionalEnum(body, 'screenshots', CONTRACT_SCREENSHOTS);
    const rate = canViewRates(membership) ? optionalNumber(body, 'rate', { min: 0 }) : undefined;

    const project = findProject(state, membership, projectId);
    if (project.status === 0) throw badRequest(`Project ${projectId} is archived; contracts cannot be added`);
    const member = state.membership(workspaceId, userId);
    if (!member) throw notFound(`No member with user_id ${userId} in workspace ${workspaceId}`);
    if (member.status === 'left') throw unprocessable(`user_id ${userId} is an archived member`);
    if (member.role === 'Project viewer') {
      throw unprocessable(
        `user_id ${userId} is a Project viewer; assign projects to viewers with /project-viewers/{viewerId}/assign-project`,
      );
    }
    const duplicate = state
      .contractsOf(workspaceId)
      .find((c) => c.userId === userId && c.projectId === projectId);
    if (duplicate) {
      throw unprocessable(
        `user_id ${userId} already has contract ${duplicate.id} on project_id ${projectId}`,
      );
    }
    const now = isoSeconds(ctx.now());
    const contract: Contract = {
      id: state.nextId('contract', 5000),
      workspaceId,
      projectId,
      userId,
      weeklyHoursLimit: weeklyHoursLimit ?? 168,
      screenshots: screenshots ?? 'full',
      rate: rate ?? member.rate,
      rateType: rate === undefined ? 2 : 1,
      status: 'active',
      currency: member.currency ?? 'USD',
      createdAt: now,
      updatedAt: now,
    };
    state.contracts.set(contract.id, contract);
    return reply
      .status(201)
      .send(ok(contractView(state, contract, membership), 'Contract created successfully'));
  });

  app.get('/contracts/:contractId', async (request) => {
    const { membership } = workspaceScope(ctx, request);
    const contractId = pathInt(paramsOf(request), 'contractId', 'contract');
    const contract = findContract(ctx.state, membership, contractId);
    return ok(contractView(ctx.state, contract, membership), 'Contract retrieved successfully');
  });

  /**
   * Limits, screenshot mode, rate, pause/resume. `status` follows active <-> paused: asking for
   * the status the contract already has is an invalid move (400). A `rate` makes it a Custom Rate.
   * Assumption (GAPS Contracts): the message is "Contract updated successfully" (the docs' example
   * reuses the GET message, taken as a copy error).
   */
  app.put('/contracts/:contractId', async (request) => {
    const { state } = ctx;
    const { membership } = workspaceScope(ctx, request);
    requireRole(membership, ADMIN_ROLES, 'update contracts');
    const contractId = pathInt(paramsOf(request), 'contractId', 'contract');
    const contract = findContract(state, membership, contractId);
    const body = bodyOf(request);
    requireSomeField(body, ['weekly_hours_limit', 'screenshots', 'rate', 'status']);
    const weeklyHoursLimit = optionalInt(body, 'weekly_hours_limit', { min: 0, max: 168 });
    const screenshots = optionalEnum(body, 'screenshots', CONTRACT_SCREENSHOTS);
    const rate = canViewRates(membership) ? optionalNumber(body, 'rate', { min: 0 }) : undefined;
    const status = optionalEnum(body, 'status', STATUSES);
    if (status && status === contract.status) {
      throw badRequest(
        `Contract ${contractId} is already ${status}; status can only move active -> paused or paused -> active`,
      );
    }
    if (weeklyHoursLimit !== undefined) contract.weeklyHoursLimit = weeklyHoursLimit;
    if (screenshots) contract.screenshots = screenshots;
    if (rate !== undefined) {
      contract.rate = rate;
      contract.rateType = 1;
    }
    if (status) contract.status = status;
    contract.updatedAt = isoSeconds(ctx.now());
    return ok(contractView(state, contract, membership), 'Contract updated successfully');
  });

  /**
   * Removes the contract. Task assignments and time history of the member on the project are kept.
   */
  app.delete('/contracts/:contractId', async (request) => {
    const { membership } = workspaceScope(ctx, request);
    requireRole(membership, ADMIN_ROLES, 'delete contracts');
    const contractId = pathInt(paramsOf(request), 'contractId', 'contract');
    findContract(ctx.state, membership, contractId);
    ctx.state.contracts.delete(contractId);
    return ok(null, 'Contract deleted successfully');
  });
}
