import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './context.js';

/** TODO(simulator): the contracts operations of REFERENCE.md. */
export function registerContractsRoutes(_app: FastifyInstance, _ctx: RouteContext): void {}
