import type { Redis } from 'ioredis';
import { RedisBroadcast } from '../cache/redis-broadcast.js';
import { silentLogger, type Logger } from '../logging/logger.js';
import type { LiveBus } from './live-bus.js';
import { isLiveEvent } from './live-event-shape.js';
import type { LiveEvent } from './live-event.js';
import { liveKeys } from './live-keys.js';

/**
 * The live bus of instances sharing Redis: pub/sub on `liveKeys.channel` (messages
 * `{ from, event }`), through the same RedisBroadcast plumbing as the invalidation bus.
 *
 * Exactly once per listener: `publish` hands the event to this instance's listeners itself (after
 * the current tick, as the in-process bus does) and the broadcast never echoes an instance's own
 * messages back, so local listeners neither miss their own events while Redis is down nor see
 * them twice when it is up. Events from other instances are checked for shape before delivery: a
 * foreign or corrupt message on the channel is dropped, never handed to a subscription.
 *
 * Redis being down costs only the other instances' copies (pub/sub keeps no history); `publish`
 * never rejects. Events lost while this instance's subscription was down are not replayed: the
 * board's next read (or the poller) catches up, and the store keeps the newest state.
 */
export class RedisLiveBus implements LiveBus {
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  private readonly channel: RedisBroadcast;
  private readonly logger: Logger;

  constructor(publisher: Redis, options: { url: string; prefix: string; logger?: Logger }) {
    this.logger = options.logger ?? silentLogger;
    this.channel = new RedisBroadcast(publisher, {
      url: options.url,
      channel: liveKeys.channel(options.prefix),
      connectionName: 'gateway-live',
      logger: options.logger,
    });
    this.channel.onMessage((message) => {
      if (isLiveEvent(message.event)) this.deliver(message.event);
    });
    this.channel.onResubscribed(() =>
      this.logger.info('live bus: subscription restored; events of other instances sent meanwhile were lost'),
    );
  }

  async publish(event: LiveEvent): Promise<void> {
    const copy = structuredClone(event);
    queueMicrotask(() => this.deliver(copy));
    if (!(await this.channel.publish({ event }))) {
      this.logger.warn(
        { kind: event.kind },
        'live bus: Redis did not take an event; other instances miss it',
      );
    }
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.channel.close();
  }

  private deliver(event: LiveEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        // One failing listener must not keep the event from the others.
        this.logger.error({ err }, 'live bus: a listener failed');
      }
    }
  }
}
