import type { FastifyInstance } from 'fastify';
import { okPage } from '../http/envelope.js';
import { paginate } from '../http/pagination.js';
import { isoMicros, sqlDateTime } from '../state/time.js';
import { queryOf, type RouteContext } from './context.js';

/** GET /workspaces: the caller's active workspaces with the caller's own role and status in each. */
export function registerWorkspacesRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/workspaces', async (request) => {
    const { state } = ctx;
    const rows = [...state.workspaces.values()].flatMap((workspace) => {
      const membership = state.membership(workspace.id, request.caller.user.id);
      if (!membership || membership.status === 'left') return [];
      return [
        {
          id: workspace.id,
          owner_id: workspace.ownerId,
          user_id: request.caller.user.id,
          workspace_name: workspace.name,
          role: membership.role,
          status: membership.status,
          created_at: isoMicros(new Date(workspace.createdAt.replace(/(\.\d{3})\d+Z$/, '$1Z'))),
          activated_at: sqlDateTime(new Date(workspace.activatedAt.replace(' ', 'T') + 'Z')),
        },
      ];
    });
    return okPage(paginate(rows, queryOf(request)));
  });
}
