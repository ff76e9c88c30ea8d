import { Counter, type Registry } from 'prom-client';

/** Why a delivery was answered as it was (the `outcome` label). */
export type DeliveryOutcome =
  | 'accepted'
  | 'forged'
  | 'malformed'
  | 'oversized'
  | 'unknown_event'
  | 'replay'
  | 'timeout'
  | 'overloaded'
  | 'method_not_allowed';

export interface WebhookMetrics {
  delivery(outcome: DeliveryOutcome): void;
  /** An accepted event was applied (cache tags, store, bus), or failed to be. */
  applied(event: string, ok: boolean): void;
}

export const noopWebhookMetrics: WebhookMetrics = { delivery() {}, applied() {} };

/**
 * The receiver's counters, in the instance's Prometheus registry (METRICS_ENABLED): kept here
 * rather than in observability/metrics.ts so the live board stays one folder. Labels are bounded:
 * the outcomes above, and event names only once known (the 10 documented events).
 */
export function prometheusWebhookMetrics(registry: Registry): WebhookMetrics {
  const deliveries = new Counter({
    name: 'wwgw_webhook_deliveries_total',
    help: 'Webhook deliveries received, by outcome: accepted, or why refused (forged, malformed, oversized, unknown_event, replay, timeout, overloaded, method_not_allowed)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const applied = new Counter({
    name: 'wwgw_webhook_events_applied_total',
    help: 'Accepted webhook events applied (cache tags invalidated, tracker store updated, live event published), by event and result (ok, failed)',
    labelNames: ['event', 'result'],
    registers: [registry],
  });
  return {
    delivery: (outcome) => deliveries.inc({ outcome }),
    applied: (event, ok) => applied.inc({ event, result: ok ? 'ok' : 'failed' }),
  };
}
