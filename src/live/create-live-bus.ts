import type { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';
import { MemoryLiveBus, type LiveBus } from './live-bus.js';

/**
 * The live bus of this gateway: Redis pub/sub when Redis is configured (instances share events),
 * in-process otherwise (the default demo run).
 */
export function createLiveBus(_options: {
  redis: Redis | undefined;
  redisUrl: string | undefined;
  prefix: string;
  logger: Logger;
}): LiveBus {
  // The Redis pub/sub implementation replaces this branch (issue 10, subscriptions).
  return new MemoryLiveBus();
}
