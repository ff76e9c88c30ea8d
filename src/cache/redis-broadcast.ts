import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { silentLogger, type Logger } from '../logging/logger.js';
import { createRedisClient } from './redis-client.js';

/** What crosses the channel: a JSON object, plus who sent it (so an instance can skip its own). */
export type BroadcastMessage = Record<string, unknown> & { from?: never };

/**
 * One Redis pub/sub channel shared by the instances of a deployment, the plumbing under the
 * invalidation bus and the live bus. Publishes through the shared client; subscribes on a
 * connection of its own (a subscribed connection can do nothing else), made again on every
 * `ready`, so it survives reconnects. A sender never hears its own messages back: buses deliver
 * those locally themselves (at once, and even while Redis is down).
 *
 * - `publish` never rejects: it resolves `false` when Redis did not take the message.
 * - `onMessage` gets the messages of the other instances, as parsed JSON objects (unchecked:
 *   callers validate the shape; anything that is not an object with a sender is dropped here).
 * - `onResubscribed` is told when the subscription came back after a drop: messages published
 *   meanwhile were lost.
 */
export class RedisBroadcast {
  private readonly instanceId = randomUUID();
  private readonly subscriber: Redis;
  private readonly messageListeners: ((message: Record<string, unknown>) => void)[] = [];
  private readonly resubscribedListeners: (() => void)[] = [];
  private subscribedOnce = false;
  private closed = false;

  constructor(
    private readonly publisher: Redis,
    private readonly options: { url: string; channel: string; connectionName: string; logger?: Logger },
  ) {
    const logger = options.logger ?? silentLogger;
    this.subscriber = createRedisClient(options.url, { connectionName: options.connectionName, logger });
    this.subscriber.on('ready', () => {
      this.subscriber.subscribe(options.channel).then(
        () => {
          if (this.subscribedOnce) for (const listener of this.resubscribedListeners) listener();
          this.subscribedOnce = true;
        },
        (err: Error) => {
          // Closing while the subscription is being made rejects it: not a failure worth a warning.
          if (!this.closed) logger.warn({ err: err.message }, `${options.connectionName}: subscribe failed`);
        },
      );
    });
    this.subscriber.on('message', (channel: string, raw: string) => {
      if (channel !== options.channel) return;
      let message: unknown;
      try {
        message = JSON.parse(raw);
      } catch {
        return;
      }
      if (typeof message !== 'object' || message === null) return;
      const { from } = message as { from?: unknown };
      if (typeof from !== 'string' || from === this.instanceId) return;
      for (const listener of this.messageListeners) listener(message as Record<string, unknown>);
    });
  }

  async publish(message: BroadcastMessage): Promise<boolean> {
    try {
      await this.publisher.publish(
        this.options.channel,
        JSON.stringify({ ...message, from: this.instanceId }),
      );
      return true;
    } catch {
      return false;
    }
  }

  onMessage(listener: (message: Record<string, unknown>) => void): void {
    this.messageListeners.push(listener);
  }

  onResubscribed(listener: () => void): void {
    this.resubscribedListeners.push(listener);
  }

  close(): void {
    this.closed = true;
    this.subscriber.disconnect();
  }
}
