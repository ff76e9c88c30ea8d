import { EventEmitter } from 'node:events';
import type { WebhookEvent } from './state/model.js';

export interface WebhookEventPayload {
  event: WebhookEvent;
  workspaceId: number;
  /** The resource as the API would show it (wire field names). */
  data: Record<string, unknown>;
}

/**
 * Domain events raised by routes (tracker started, member invited, ...). Webhook delivery listens;
 * routes never call webhook URLs themselves.
 */
export class SimEvents {
  private readonly emitter = new EventEmitter();

  emit(event: WebhookEvent, workspaceId: number, data: Record<string, unknown>): void {
    this.emitter.emit('event', { event, workspaceId, data } satisfies WebhookEventPayload);
  }

  on(listener: (payload: WebhookEventPayload) => void): void {
    this.emitter.on('event', listener);
  }
}
