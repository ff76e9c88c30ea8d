import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './context.js';

/** TODO(simulator): the projects operations of REFERENCE.md. */
export function registerProjectsRoutes(_app: FastifyInstance, _ctx: RouteContext): void {}
