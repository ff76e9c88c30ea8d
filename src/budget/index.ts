import type { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';
import { MemoryRateBudget } from './memory-rate-budget.js';
import type { RateBudget } from './rate-budget.js';
import { RedisRateBudget } from './redis-rate-budget.js';
import { UnlimitedRateBudget } from './unlimited-rate-budget.js';

export type { BudgetDecision, BudgetPriority, RateBudget, TakeOptions } from './rate-budget.js';
export { assertLimits, ceilingFor, type RateBudgetLimits } from './rate-budget-limits.js';
export { MemoryRateBudget, type MemoryRateBudgetOptions } from './memory-rate-budget.js';
export {
  localLimit,
  localReserve,
  RedisRateBudget,
  type RedisRateBudgetOptions,
} from './redis-rate-budget.js';
export { UnlimitedRateBudget } from './unlimited-rate-budget.js';

export interface CreateRateBudgetOptions {
  /** Calls per window and caller; 0 turns the budget off. */
  limit: number;
  windowSeconds?: number;
  /** Calls per window only interactive reads may take (UPSTREAM_BACKGROUND_RESERVE). Default 0. */
  backgroundReserve?: number;
  /** Shared client from `createRedisClient`; without it the budget is per process. */
  redisClient?: Redis;
  /** Instances sharing the Redis budget; each falls back to limit / instances while Redis is down. */
  instances?: number;
  prefix?: string;
  logger?: Logger;
}

/** `UnlimitedRateBudget` for limit 0, Redis-backed when a client is given, in-memory otherwise. */
export function createRateBudget(options: CreateRateBudgetOptions): RateBudget {
  const { limit, windowSeconds, backgroundReserve, instances, prefix, logger } = options;
  if (limit === 0) return new UnlimitedRateBudget();
  if (options.redisClient !== undefined) {
    return new RedisRateBudget({
      client: options.redisClient,
      limit,
      windowSeconds,
      backgroundReserve,
      instances,
      prefix,
      logger,
    });
  }
  return new MemoryRateBudget({ limit, windowSeconds, backgroundReserve });
}
