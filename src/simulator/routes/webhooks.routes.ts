import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './context.js';

/** TODO(simulator): the webhooks operations of REFERENCE.md. */
export function registerWebhooksRoutes(_app: FastifyInstance, _ctx: RouteContext): void {}
