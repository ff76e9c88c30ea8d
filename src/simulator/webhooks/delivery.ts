import type { WebhookEventPayload } from '../events.js';
import type { RouteContext } from '../routes/context.js';
import { isoSeconds } from '../state/time.js';

/** How long `close()` waits for deliveries still in flight before giving up on them. */
const CLOSE_GRACE_MS = 1_000;

/**
 * Delivers domain events (`ctx.events`) to the webhooks of the event's workspace that subscribe to
 * it. Never throws and never blocks the request that raised the event.
 *
 * Assumption (GAPS Webhooks, delivery; REFERENCE §7 leaves it undocumented):
 * - `POST <url>` with JSON `{"event", "workspace_id", "timestamp", "data"}`; `timestamp` is ISO
 *   8601 UTC, `data` the resource's wire object as the route emitted it;
 * - headers `Content-Type: application/json`, `X-Webwork-Event: <event>` and
 *   `X-Webwork-Webhook-Token: <the webhook's token>` (a plain token, no HMAC signature);
 * - one attempt per webhook and event, timeout `webhookTimeoutMs`; no retries; a non-2xx answer,
 *   a timeout or a network error is swallowed (the receiver's problem, never the simulator's);
 * - deliveries of one event run concurrently, so ordering across events is not guaranteed.
 */
export function attachWebhookDelivery(ctx: RouteContext): { close(): Promise<void> } {
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  ctx.events.on((payload) => {
    if (closed) return;
    const body = JSON.stringify({
      event: payload.event,
      workspace_id: payload.workspaceId,
      timestamp: isoSeconds(ctx.now()),
      data: payload.data,
    });
    for (const webhook of subscribers(ctx, payload)) {
      const delivery = deliver(webhook.url, webhook.token, payload.event, body, ctx.options.webhookTimeoutMs);
      inFlight.add(delivery);
      void delivery.finally(() => inFlight.delete(delivery));
    }
  });

  return {
    async close() {
      closed = true;
      if (inFlight.size === 0) return;
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, Math.min(CLOSE_GRACE_MS, ctx.options.webhookTimeoutMs));
        timer.unref();
      });
      await Promise.race([Promise.allSettled([...inFlight]), grace]);
      clearTimeout(timer);
    },
  };
}

/** Read at event time: `ctx.state` is replaced by `POST /__sim/reset`. */
function subscribers(ctx: RouteContext, payload: WebhookEventPayload) {
  return [...ctx.state.webhooks.values()].filter(
    (w) => w.workspaceId === payload.workspaceId && w.events.includes(payload.event),
  );
}

async function deliver(url: string, token: string, event: string, body: string, timeoutMs: number) {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Webwork-Event': event,
        'X-Webwork-Webhook-Token': token,
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Drain the body so the connection is released; the answer itself is ignored.
    await response.arrayBuffer().catch(() => undefined);
  } catch {
    // Swallowed by design: see the assumption above.
  }
}
