import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './context.js';

/** TODO(simulator): the expenses operations of REFERENCE.md. */
export function registerExpensesRoutes(_app: FastifyInstance, _ctx: RouteContext): void {}
