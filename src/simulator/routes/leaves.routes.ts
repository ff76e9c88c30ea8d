import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './context.js';

/** TODO(simulator): the leaves operations of REFERENCE.md. */
export function registerLeavesRoutes(_app: FastifyInstance, _ctx: RouteContext): void {}
