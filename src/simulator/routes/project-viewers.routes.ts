import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './context.js';

/** TODO(simulator): the project-viewers operations of REFERENCE.md. */
export function registerProjectViewersRoutes(_app: FastifyInstance, _ctx: RouteContext): void {}
