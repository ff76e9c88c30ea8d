import type { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';
import { liveKeys } from './live-keys.js';

/** The gateway's webhooks in one workspace, as registered (registerWebhooks, the CLI, the demo). */
export interface WebhookRegistration {
  workspaceId: number;
  url: string;
  events: string[];
  webhookIds: string[];
  /** ISO 8601 UTC: when the gateway first registered this webhook. */
  registeredAt: string;
  /** SHA-256 digests of the tokens of `webhookIds` (webhook-token.ts); never the tokens. */
  tokenDigests: string[];
}

/**
 * Where registrations are kept: Redis (`liveKeys.webhookRegistration`, no TTL: a registration
 * lives until replaced), so every instance verifies deliveries and knows which workspaces have
 * webhooks; a Map in one process without Redis.
 */
export interface WebhookRegistry {
  get(workspaceId: number): Promise<WebhookRegistration | undefined>;
  save(registration: WebhookRegistration): Promise<void>;
}

export class MemoryWebhookRegistry implements WebhookRegistry {
  private readonly byWorkspace = new Map<number, WebhookRegistration>();

  get(workspaceId: number) {
    return Promise.resolve(structuredClone(this.byWorkspace.get(workspaceId)));
  }

  save(registration: WebhookRegistration) {
    this.byWorkspace.set(registration.workspaceId, structuredClone(registration));
    return Promise.resolve();
  }
}

export class RedisWebhookRegistry implements WebhookRegistry {
  constructor(
    private readonly redis: Redis,
    private readonly options: { prefix: string; logger: Logger },
  ) {}

  /** A Redis failure reads as "not registered": deliveries are then refused, never trusted blindly. */
  async get(workspaceId: number): Promise<WebhookRegistration | undefined> {
    try {
      const raw = await this.redis.get(liveKeys.webhookRegistration(this.options.prefix, workspaceId));
      return raw ? (JSON.parse(raw) as WebhookRegistration) : undefined;
    } catch (error) {
      this.options.logger.warn({ err: error, workspaceId }, 'webhook registration unreadable');
      return undefined;
    }
  }

  async save(registration: WebhookRegistration): Promise<void> {
    await this.redis.set(
      liveKeys.webhookRegistration(this.options.prefix, registration.workspaceId),
      JSON.stringify(registration),
    );
  }
}
