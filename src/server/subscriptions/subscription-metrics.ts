import { Counter, Gauge, type Registry } from 'prom-client';

export type LiveField = 'trackerChanged' | 'memberChanged' | 'projectChanged';

/** Measurements of the subscriptions of one instance; no-ops without a registry (METRICS_ENABLED=false). */
export interface SubscriptionMetrics {
  opened(field: LiveField): void;
  closed(field: LiveField): void;
  delivered(field: LiveField): void;
}

export function subscriptionMetrics(registry: Registry | undefined): SubscriptionMetrics {
  if (!registry) return { opened() {}, closed() {}, delivered() {} };
  const active = new Gauge({
    name: 'wwgw_subscriptions_active',
    help: 'GraphQL subscriptions open on this instance, by field',
    labelNames: ['field'],
    registers: [registry],
  });
  const events = new Counter({
    name: 'wwgw_subscription_events_delivered_total',
    help: 'Live events handed to subscribers (one per subscription that received it), by field',
    labelNames: ['field'],
    registers: [registry],
  });
  return {
    opened: (field) => active.inc({ field }),
    closed: (field) => active.dec({ field }),
    delivered: (field) => events.inc({ field }),
  };
}
