import { tags } from '../cache/keys.js';
import {
  createWebhook,
  updateWebhook,
  type WebhookRecord,
  webhooksList,
} from '../catalogue/webhooks.operations.js';
import { webhookEvent } from '../catalogue/webhooks.enums.js';
import type { CachedReader } from '../datasources/cached-reader.js';
import type { Caller } from '../datasources/caller.js';
import type { Operations } from '../datasources/operations.js';
import { GatewayError } from '../errors/gateway-error.js';
import { tokenDigest } from './webhook-token.js';
import type { WebhookRegistration, WebhookRegistry } from './webhook-registry.js';

export interface RegistrationDeps {
  operations: Operations;
  reader: CachedReader;
  registry: WebhookRegistry;
  webhookPath: string;
  /** PUBLIC_URL, or the gateway's own URL once it listens. */
  publicUrl(): string;
}

/**
 * Registers this gateway's receiver (PUBLIC_URL + WEBHOOK_PATH) for every documented event of a
 * workspace, with the caller's token (Owners and Executive Managers; WebWork's 403 is FORBIDDEN),
 * and keeps what verifying deliveries needs (webhook-registry.ts). Used by `registerWebhooks`, the
 * CLI and the demo run.
 *
 * Idempotent: the workspace's webhooks are listed first (fresh: the cached list is invalidated),
 * and a webhook already delivering to this URL is reused (its events completed by an update if some
 * are missing), never created twice. Creating is sent once and never retried (createWebhook). Two
 * registrations of one workspace at once in this process share one run; across instances at the
 * same moment two could still both create (WebWork offers no conditional create): the second call
 * then finds both and keeps both tokens, so deliveries of either verify.
 *
 * Assumption (REFERENCE §9.15: `token` "always present"): listing webhooks shows their tokens, so
 * a reused webhook's token is known without creating a new one.
 */
export class WebhookRegistrations {
  private readonly running = new Map<number, Promise<WebhookRegistration>>();

  constructor(private readonly deps: RegistrationDeps) {}

  url(): string {
    return `${this.deps.publicUrl().replace(/\/+$/, '')}${this.deps.webhookPath}`;
  }

  register(caller: Caller, workspaceId: number): Promise<WebhookRegistration> {
    let run = this.running.get(workspaceId);
    if (!run) {
      run = this.registerNow(caller, workspaceId).finally(() => this.running.delete(workspaceId));
      this.running.set(workspaceId, run);
    }
    return run;
  }

  private async registerNow(caller: Caller, workspaceId: number): Promise<WebhookRegistration> {
    const { operations, reader, registry } = this.deps;
    const url = this.url();
    const events: string[] = Object.values(webhookEvent.toWire);
    await reader.invalidate([tags.workspaceResource(workspaceId, 'webhooks')]);
    const ours = (await operations.all(caller, webhooksList, { workspaceId })).filter((w) => w.url === url);
    let hooks: WebhookRecord[];
    if (ours.length === 0) {
      hooks = [await operations.write(caller, createWebhook, { workspaceId, url, events })];
    } else {
      hooks = ours;
      const first = ours[0]!;
      if (!events.every((e) => first.events.includes(e))) {
        const updated = await operations.write(caller, updateWebhook, {
          workspaceId,
          webhookId: first.webhookId,
          url,
          events: [...new Set([...first.events, ...events])],
        });
        hooks[0] = { ...updated, token: updated.token ?? first.token };
      }
    }
    const tokens = hooks.map((h) => h.token).filter((t): t is string => typeof t === 'string' && t !== '');
    if (tokens.length === 0) {
      throw new GatewayError(
        'UPSTREAM_UNAVAILABLE',
        `WebWork did not show the token of the webhook for ${url}; deliveries could not be verified. Try registerWebhooks again.`,
      );
    }
    const webhookIds = hooks.map((h) => h.webhookId);
    const previous = await registry.get(workspaceId);
    const registration: WebhookRegistration = {
      workspaceId,
      url,
      events: hooks[0]!.events,
      webhookIds,
      registeredAt:
        previous && previous.webhookIds[0] === webhookIds[0]
          ? previous.registeredAt
          : new Date().toISOString(),
      tokenDigests: tokens.map(tokenDigest),
    };
    await registry.save(registration);
    return registration;
  }
}
