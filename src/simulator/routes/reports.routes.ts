import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './context.js';

/** TODO(simulator): the reports operations of REFERENCE.md. */
export function registerReportsRoutes(_app: FastifyInstance, _ctx: RouteContext): void {}
