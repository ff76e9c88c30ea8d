import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../logging/logger.js';
import { liveKeys } from './live-keys.js';

/**
 * Refuses a webhook delivery seen before within a window, by a digest of its exact body (which
 * holds the event, workspace, timestamp and resource). Shared through Redis (`SET NX PX`: the first
 * instance to mark a body wins, atomically); a bounded in-process map without Redis.
 *
 * Assumption (GAPS Webhooks, delivery): WebWork sends no delivery id, so two distinct events with
 * byte-identical bodies (same event, member and second) would count as one; the store's state is
 * the same either way.
 */
export interface ReplayGuard {
  /** True the first time `body` is seen within the window (and marks it), false for a replay. */
  firstSeen(body: Buffer): Promise<boolean>;
}

const digestOf = (body: Buffer) => createHash('sha256').update(body).digest('hex');

export class MemoryReplayGuard implements ReplayGuard {
  private readonly seen: LRUCache<string, true>;

  constructor(windowSeconds: number, maxEntries = 100_000) {
    this.seen = new LRUCache({ max: maxEntries, ttl: windowSeconds * 1000 });
  }

  firstSeen(body: Buffer): Promise<boolean> {
    const digest = digestOf(body);
    if (this.seen.has(digest)) return Promise.resolve(false);
    this.seen.set(digest, true);
    return Promise.resolve(true);
  }
}

export class RedisReplayGuard implements ReplayGuard {
  constructor(
    private readonly redis: Redis,
    private readonly options: { prefix: string; windowSeconds: number; logger: Logger },
  ) {}

  /**
   * Redis unreachable: the delivery is let through (fail open). Applying an event twice is
   * harmless (tag invalidation is idempotent, the store keeps the newest snapshot); refusing every
   * event while Redis is down would freeze the board.
   */
  async firstSeen(body: Buffer): Promise<boolean> {
    try {
      const key = liveKeys.delivery(this.options.prefix, digestOf(body));
      return (await this.redis.set(key, '1', 'PX', this.options.windowSeconds * 1000, 'NX')) === 'OK';
    } catch (error) {
      this.options.logger.warn({ err: error }, 'webhook replay check unavailable: delivery accepted');
      return true;
    }
  }
}
