import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './context.js';

/** TODO(simulator): the time-requests operations of REFERENCE.md. */
export function registerTimeRequestsRoutes(_app: FastifyInstance, _ctx: RouteContext): void {}
