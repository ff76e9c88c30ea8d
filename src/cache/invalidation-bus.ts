import type { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';
import { invalidationChannel } from './keys.js';
import { RedisBroadcast } from './redis-broadcast.js';

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

/**
 * Redis pub/sub on `<prefix>:invalidations` (messages `{ from, tags }`), through a RedisBroadcast:
 * an instance hears the others' invalidations, not its own. When the subscription comes back after
 * a drop, listeners are told that messages may have been missed.
 */
export class RedisInvalidationBus implements InvalidationBus {
  private readonly channel: RedisBroadcast;

  constructor(publisher: Redis, options: { url: string; prefix: string; logger?: Logger }) {
    this.channel = new RedisBroadcast(publisher, {
      url: options.url,
      channel: invalidationChannel(options.prefix),
      connectionName: 'gateway-invalidations',
      logger: options.logger,
    });
  }

  async publish(tags: readonly string[]): Promise<void> {
    // A lost message only costs staleness bounded by the near cache's max age; never fail a write for it.
    await this.channel.publish({ tags: [...tags] });
  }

  onInvalidate(listener: (tags: readonly string[]) => void): void {
    this.channel.onMessage((message) => {
      if (Array.isArray(message.tags)) listener(message.tags as string[]);
    });
  }

  onPossiblyMissed(listener: () => void): void {
    this.channel.onResubscribed(listener);
  }

  async close(): Promise<void> {
    this.channel.close();
  }
}
