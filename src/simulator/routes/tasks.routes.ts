import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './context.js';

/** TODO(simulator): the tasks operations of REFERENCE.md. */
export function registerTasksRoutes(_app: FastifyInstance, _ctx: RouteContext): void {}
