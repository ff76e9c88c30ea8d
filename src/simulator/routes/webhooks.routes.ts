import type { FastifyInstance } from 'fastify';
import { badRequest, notFound, unprocessable } from '../http/api-error.js';
import { requireRole } from '../http/auth.js';
import { ok, okPage } from '../http/envelope.js';
import { paginate } from '../http/pagination.js';
import { optionalStringArray, requiredString, type Source } from '../http/params.js';
import { ADMIN_ROLES, type Webhook, WEBHOOK_EVENTS, type WebhookEvent } from '../state/model.js';
import type { SimState } from '../state/store.js';
import { isoSeconds } from '../state/time.js';
import { bodyOf, paramsOf, queryOf, type RouteContext, workspaceScope } from './context.js';
import { webhookView } from './webhooks.views.js';

/**
 * Webhooks (REFERENCE §10.14). Assumption (GAPS Webhooks, scope): webhooks belong to a workspace
 * (not to a user) and only its Owners and Executive managers manage them; `per_page` defaults to
 * 50 (doc set B) with the usual maximum of 100. Create and update accept JSON or
 * `application/x-www-form-urlencoded` (`events[]=a&events[]=b`, repeated `events`, or `a,b`).
 * Delivery is `webhooks/delivery.ts`.
 */
export function registerWebhooksRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/webhooks', async (request) => {
    const { state } = ctx;
    const scope = workspaceScope(ctx, request);
    requireRole(scope.membership, ADMIN_ROLES, 'view webhooks');
    const rows = [...state.webhooks.values()]
      .filter((w) => w.workspaceId === scope.workspaceId)
      .map(webhookView);
    return okPage(
      paginate(rows, queryOf(request), { defaultPerPage: 50, maxPerPage: 100 }),
      'Webhooks retrieved successfully',
    );
  });

  /** 200 (not 201), as both doc sets show; the token is generated here and shown in every read. */
  app.post('/webhooks', async (request) => {
    const { state } = ctx;
    const scope = workspaceScope(ctx, request);
    requireRole(scope.membership, ADMIN_ROLES, 'create webhooks');
    const body = bodyOf(request);
    const url = urlOf(body);
    const events = eventsOf(body, true)!;
    const webhook: Webhook = {
      id: uniqueCode(state),
      workspaceId: scope.workspaceId,
      createdBy: scope.caller.user.id,
      url,
      events,
      token: `whsec_${state.code(24)}`,
      createdAt: isoSeconds(ctx.now()),
    };
    state.webhooks.set(webhook.id, webhook);
    return ok(webhookView(webhook), 'Webhook created successfully');
  });

  app.get('/webhooks/:webhookId', async (request) => {
    const { state } = ctx;
    const scope = workspaceScope(ctx, request);
    requireRole(scope.membership, ADMIN_ROLES, 'view webhooks');
    const webhook = findWebhook(state, scope.workspaceId, paramsOf(request).webhookId);
    return ok(webhookView(webhook), 'Webhook retrieved successfully');
  });

  /**
   * Doc set B: `url` is required even when only the events change; `events` replaces the list.
   * Assumption (GAPS Webhooks, update response): doc set B shows only `{"success": true}`; the
   * simulator returns that plus the usual `message` and `meta` (no `data`), which a client reading
   * only `success` handles the same way.
   */
  app.put('/webhooks/:webhookId', async (request) => {
    const { state } = ctx;
    const scope = workspaceScope(ctx, request);
    requireRole(scope.membership, ADMIN_ROLES, 'update webhooks');
    const webhook = findWebhook(state, scope.workspaceId, paramsOf(request).webhookId);
    const body = bodyOf(request);
    const url = urlOf(body);
    const events = eventsOf(body, false);
    webhook.url = url;
    if (events) webhook.events = events;
    return ok(undefined, 'Webhook updated successfully');
  });

  app.delete('/webhooks/:webhookId', async (request) => {
    const { state } = ctx;
    const scope = workspaceScope(ctx, request);
    requireRole(scope.membership, ADMIN_ROLES, 'delete webhooks');
    const webhook = findWebhook(state, scope.workspaceId, paramsOf(request).webhookId);
    state.webhooks.delete(webhook.id);
    return ok(undefined, 'Webhook deleted successfully');
  });
}

function findWebhook(state: SimState, workspaceId: number, id: unknown): Webhook {
  const webhook = typeof id === 'string' ? state.webhooks.get(id) : undefined;
  if (!webhook || webhook.workspaceId !== workspaceId) {
    throw notFound(`Webhook ${String(id)} not found in workspace ${workspaceId}`);
  }
  return webhook;
}

/** An absolute http(s) URL, else 422. */
function urlOf(body: Source): string {
  const raw = requiredString(body, 'url', { maxLength: 2048 });
  let parsed: URL | null = null;
  try {
    parsed = new URL(raw);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw unprocessable(`url must be an absolute http(s) URL, got ${JSON.stringify(raw)}`);
  }
  return raw;
}

/** One or more of the 10 documented events (duplicates collapse); `required` false → may be absent. */
function eventsOf(body: Source, required: boolean): WebhookEvent[] | undefined {
  const list = optionalStringArray(body, 'events');
  if (list === undefined) {
    if (required) throw badRequest(`events is required: one or more of ${WEBHOOK_EVENTS.join(', ')}`);
    return undefined;
  }
  if (list.length === 0) throw unprocessable('events must contain at least one event');
  const unknown = list.filter((e) => !(WEBHOOK_EVENTS as readonly string[]).includes(e));
  if (unknown.length) {
    throw unprocessable(
      `events contains unknown event(s) ${unknown.map((e) => JSON.stringify(e)).join(', ')}; allowed: ${WEBHOOK_EVENTS.join(', ')}`,
    );
  }
  return [...new Set(list as WebhookEvent[])];
}

function uniqueCode(state: SimState): string {
  let id = state.code();
  while (state.webhooks.has(id)) id = state.code();
  return id;
}
