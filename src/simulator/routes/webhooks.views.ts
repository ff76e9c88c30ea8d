import type { Webhook } from '../state/model.js';

/** The Webhook wire object (REFERENCE §9.15): exactly the documented four fields. */
export const webhookView = (webhook: Webhook): Record<string, unknown> => ({
  id: webhook.id,
  url: webhook.url,
  events: [...webhook.events],
  token: webhook.token,
});
