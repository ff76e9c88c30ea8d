import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './context.js';

/** TODO(simulator): the members operations of REFERENCE.md. */
export function registerMembersRoutes(_app: FastifyInstance, _ctx: RouteContext): void {}
