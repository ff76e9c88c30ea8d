import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './context.js';
import { registerWorkspacesRoutes } from './workspaces.routes.js';
import { registerMembersRoutes } from './members.routes.js';
import { registerProjectsRoutes } from './projects.routes.js';
import { registerContractsRoutes } from './contracts.routes.js';
import { registerTasksRoutes } from './tasks.routes.js';
import { registerProjectViewersRoutes } from './project-viewers.routes.js';
import { registerTimesheetsRoutes } from './timesheets.routes.js';
import { registerTimeRequestsRoutes } from './time-requests.routes.js';
import { registerLeavesRoutes } from './leaves.routes.js';
import { registerExpensesRoutes } from './expenses.routes.js';
import { registerTimeTrackingRoutes } from './time-tracking.routes.js';
import { registerTimeEntriesRoutes } from './time-entries.routes.js';
import { registerReportsRoutes } from './reports.routes.js';
import { registerWebhooksRoutes } from './webhooks.routes.js';

/** One file per operation group of REFERENCE.md §10, in the document's order. */
export const routeGroups: ReadonlyArray<(app: FastifyInstance, ctx: RouteContext) => void> = [
  registerWorkspacesRoutes,
  registerMembersRoutes,
  registerProjectsRoutes,
  registerContractsRoutes,
  registerTasksRoutes,
  registerProjectViewersRoutes,
  registerTimesheetsRoutes,
  registerTimeRequestsRoutes,
  registerLeavesRoutes,
  registerExpensesRoutes,
  registerTimeTrackingRoutes,
  registerTimeEntriesRoutes,
  registerReportsRoutes,
  registerWebhooksRoutes,
];
