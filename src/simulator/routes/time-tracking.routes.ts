import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './context.js';

/** TODO(simulator): the time-tracking operations of REFERENCE.md. */
export function registerTimeTrackingRoutes(_app: FastifyInstance, _ctx: RouteContext): void {}
