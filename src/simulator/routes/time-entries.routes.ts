import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './context.js';

/** TODO(simulator): the time-entries operations of REFERENCE.md. */
export function registerTimeEntriesRoutes(_app: FastifyInstance, _ctx: RouteContext): void {}
