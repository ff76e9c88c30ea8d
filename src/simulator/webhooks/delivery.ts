import type { RouteContext } from '../routes/context.js';

/** TODO(simulator): deliver webhook events to registered URLs. */
export function attachWebhookDelivery(_ctx: RouteContext): { close(): Promise<void> } {
  return { close: async () => {} };
}
