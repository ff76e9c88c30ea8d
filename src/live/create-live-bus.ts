import type { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';
import { MemoryLiveBus, type LiveBus } from './live-bus.js';
import { RedisLiveBus } from './redis-live-bus.js';

/**
 * The live bus of this gateway: Redis pub/sub when Redis is configured (instances share events),
 * in-process otherwise (the default demo run).
 */
export function createLiveBus(options: {
  redis: Redis | undefined;
  redisUrl: string | undefined;
  prefix: string;
  logger: Logger;
}): LiveBus {
  if (options.redis && options.redisUrl) {
    return new RedisLiveBus(options.redis, {
      url: options.redisUrl,
      prefix: options.prefix,
      logger: options.logger,
    });
  }
  return new MemoryLiveBus();
}
