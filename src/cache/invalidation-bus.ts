import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { silentLogger, type Logger } from '../logging/logger.js';
import { invalidationChannel } from './keys.js';
import { createRedisClient } from './redis-client.js';

/**
 * Carries cache invalidations between gateway instances, so each instance's near cache drops what
 * a write on another instance made stale. The shared store is invalidated directly; this bus only
 * serves the in-process tiers.
 */
export interface InvalidationBus {
  publish(tags: readonly string[]): Promise<void>;
  /** Tags invalidated by another instance. */
  onInvalidate(listener: (tags: readonly string[]) => void): void;
  /** Messages may have been lost (the subscription was down): drop everything near. */
  onPossiblyMissed(listener: () => void): void;
  close(): Promise<void>;
}

interface Message {
  from: string;
  tags: string[];
}

/**
 * Redis pub/sub on `<prefix>:invalidations`. Publishes through the shared client; subscribes on a
 * connection of its own (a subscribed connection can do nothing else). When the subscription comes
 * back after a drop, listeners are told that messages may have been missed.
 */
export class RedisInvalidationBus implements InvalidationBus {
  private readonly instanceId = randomUUID();
  private readonly channel: string;
  private readonly subscriber: Redis;
  private readonly invalidateListeners: ((tags: readonly string[]) => void)[] = [];
  private readonly missedListeners: (() => void)[] = [];
  private subscribedOnce = false;
  private closed = false;

  constructor(
    private readonly publisher: Redis,
    options: { url: string; prefix: string; logger?: Logger },
  ) {
    const logger = options.logger ?? silentLogger;
    this.channel = invalidationChannel(options.prefix);
    this.subscriber = createRedisClient(options.url, { connectionName: 'gateway-invalidations', logger });
    this.subscriber.on('ready', () => {
      this.subscriber.subscribe(this.channel).then(
        () => {
          if (this.subscribedOnce) for (const listener of this.missedListeners) listener();
          this.subscribedOnce = true;
        },
        (err: Error) => {
          // Closing while the subscription is being made rejects it: not a failure worth a warning.
          if (!this.closed) logger.warn({ err: err.message }, 'invalidation bus: subscribe failed');
        },
      );
    });
    this.subscriber.on('message', (channel: string, raw: string) => {
      if (channel !== this.channel) return;
      let message: Message;
      try {
        message = JSON.parse(raw) as Message;
      } catch {
        return;
      }
      if (message.from === this.instanceId || !Array.isArray(message.tags)) return;
      for (const listener of this.invalidateListeners) listener(message.tags);
    });
  }

  async publish(tags: readonly string[]): Promise<void> {
    const message: Message = { from: this.instanceId, tags: [...tags] };
    // A lost message only costs staleness bounded by the near cache's max age; never fail a write for it.
    await this.publisher.publish(this.channel, JSON.stringify(message)).catch(() => undefined);
  }

  onInvalidate(listener: (tags: readonly string[]) => void): void {
    this.invalidateListeners.push(listener);
  }

  onPossiblyMissed(listener: () => void): void {
    this.missedListeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscriber.disconnect();
  }
}
