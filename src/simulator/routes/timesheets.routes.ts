import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './context.js';

/** TODO(simulator): the timesheets operations of REFERENCE.md. */
export function registerTimesheetsRoutes(_app: FastifyInstance, _ctx: RouteContext): void {}
