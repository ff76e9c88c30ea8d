import type { IncomingMessage, ServerResponse } from 'node:http';
import pLimit from 'p-limit';
import type { Logger } from '../logging/logger.js';
import { readLimitedBody } from './read-limited-body.js';
import type { ReplayGuard } from './replay-guard.js';
import type { DeliveryOutcome, WebhookMetrics } from './webhook-metrics.js';
import { type Delivery, parseEnvelope, parseSubject } from './webhook-payload.js';
import type { WebhookRegistry } from './webhook-registry.js';
import { tokenMatches } from './webhook-token.js';

/** The header WebWork puts the webhook's token in (assumption: see webhook-payload.ts). */
export const TOKEN_HEADER = 'x-webwork-webhook-token';
/** Longest a delivery's body may take to arrive. */
const BODY_TIMEOUT_MS = 10_000;
/** Events applied at once; more wait their turn, and past `MAX_BACKLOG` deliveries are refused. */
const APPLY_CONCURRENCY = 4;
const MAX_BACKLOG = 1000;

export interface ReceiverOptions {
  maxBytes: number;
  registry: WebhookRegistry;
  replays: ReplayGuard;
  apply(delivery: Delivery): Promise<void>;
  metrics: WebhookMetrics;
  logger: Logger;
}

/**
 * The webhook receiver (WEBHOOK_PATH). Checks, in order, each refusal answered with a JSON
 * `{error, reason}` and counted (`wwgw_webhook_deliveries_total{outcome}`):
 * POST only (405) → body within WEBHOOK_MAX_BYTES (413, not read further) and in time (408) →
 * JSON envelope (400 malformed) → the token of the workspace's registration, compared in constant
 * time (401 forged; a workspace without registration has no token to match) → a documented event
 * (422 unknown_event) naming its member or project (400 malformed) → room in the backlog (503
 * overloaded) → not seen within the replay window (409 replay; only deliveries that pass every
 * other check are marked seen, so a refused one can be sent again).
 *
 * Then 202 at once; the event is applied after the answer (applyDelivery: store, cache tags, bus),
 * a few at a time, so a burst of deliveries never holds WebWork's requests open or stalls the
 * gateway. A failure to apply is logged and counted, never thrown into the HTTP server.
 */
export function webhookReceiver(options: ReceiverOptions) {
  const limit = pLimit(APPLY_CONCURRENCY);
  const refuse = (response: ServerResponse, status: number, outcome: DeliveryOutcome, error: string) => {
    options.metrics.delivery(outcome);
    response.statusCode = status;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(JSON.stringify({ error, reason: outcome }));
  };

  const applyLater = (delivery: Delivery) =>
    void limit(() => options.apply(delivery)).then(
      () => options.metrics.applied(delivery.event, true),
      (error: unknown) => {
        options.metrics.applied(delivery.event, false);
        options.logger.error({ err: error, event: delivery.event }, 'webhook event not applied');
      },
    );

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      return refuse(response, 405, 'method_not_allowed', 'Webhook deliveries are POSTed.');
    }
    const read = await readLimitedBody(request, options.maxBytes, BODY_TIMEOUT_MS);
    if (!read.ok) {
      // The unread rest must not be taken for another request on this connection.
      response.setHeader('connection', 'close');
      response.once('finish', () => request.destroy());
      return read.reason === 'oversized'
        ? refuse(
            response,
            413,
            'oversized',
            `The delivery is over ${options.maxBytes} bytes (WEBHOOK_MAX_BYTES).`,
          )
        : refuse(response, 408, 'timeout', 'The delivery body did not arrive in time.');
    }
    const envelope = parseEnvelope(read.body);
    if (!envelope.ok) return refuse(response, 400, 'malformed', envelope.message);
    const registration = await options.registry.get(envelope.value.workspaceId);
    const token = request.headers[TOKEN_HEADER];
    if (!registration || typeof token !== 'string' || !tokenMatches(token, registration.tokenDigests)) {
      return refuse(
        response,
        401,
        'forged',
        'The webhook token does not match this workspace’s registration.',
      );
    }
    const delivery = parseSubject(envelope.value);
    if (!delivery.ok)
      return refuse(response, delivery.reason === 'malformed' ? 400 : 422, delivery.reason, delivery.message);
    if (limit.pendingCount >= MAX_BACKLOG) {
      return refuse(response, 503, 'overloaded', 'Too many deliveries waiting; send again later.');
    }
    if (!(await options.replays.firstSeen(read.body))) {
      return refuse(response, 409, 'replay', 'This delivery was received before.');
    }
    options.metrics.delivery('accepted');
    response.statusCode = 202;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(JSON.stringify({ accepted: true }));
    applyLater(delivery.value);
  };
}
