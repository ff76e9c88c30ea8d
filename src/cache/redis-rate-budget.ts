import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { silentLogger, type Logger } from '../logging/logger.js';
import { rateBudgetKeys, type CallerScope } from './keys.js';
import { LuaScript } from './lua-script.js';
import { OutageReporter } from './outage-reporter.js';
import type { BudgetDecision, RateBudget } from './rate-budget.js';
import { assertLimits, type RateBudgetLimits } from './rate-budget-limits.js';
import { closeRedisClient } from './redis-client.js';
import { clientFor, type RedisConnectionOption } from './redis-store.js';

export type RedisRateBudgetOptions = RateBudgetLimits &
  RedisConnectionOption & {
    /** First segment of the budget keys. Default `wwgw`. */
    prefix?: string;
    logger?: Logger;
  };

/**
 * One atomic step of the sliding-window log. KEYS: window ZSET, block key. ARGV: limit, window ms, member suffix.
 * Returns {1, 0} when allowed, {0, waitMs} when denied. Uses the Redis clock so instances with skewed clocks
 * still share one consistent window (scripts replicate by effects since Redis 5, so TIME is allowed).
 */
const takeScript = new LuaScript(`
local blockedMs = redis.call('PTTL', KEYS[2])
if blockedMs > 0 then return {0, blockedMs} end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, now .. '-' .. ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, tonumber(oldest[2]) + window - now}
`);

/** Sets the block key unless a longer block is already in place. KEYS: block key. ARGV: ms. */
const blockScript = new LuaScript(`
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
end
return 0
`);

/**
 * `RateBudget` shared by every gateway instance through Redis: a sliding-window log per caller in a ZSET
 * (`<prefix>:rate:<scope>`), checked and updated by one Lua script so concurrent takes cannot both pass the
 * limit, plus a block key (`<prefix>:rate:<scope>:block`) with the TTL of an upstream Retry-After.
 *
 * Redis failure fails open (allowed), with one warning per outage.
 */
export class RedisRateBudget implements RateBudget {
  private readonly client: Redis;
  private readonly ownsClient: boolean;
  private readonly prefix: string;
  private readonly windowMs: number;
  private readonly outage: OutageReporter;

  constructor(private readonly options: RedisRateBudgetOptions) {
    assertLimits(options);
    const logger = options.logger ?? silentLogger;
    this.prefix = options.prefix ?? 'wwgw';
    this.windowMs = (options.windowSeconds ?? 60) * 1000;
    this.outage = new OutageReporter(logger, 'redis rate budget', 'allowing every upstream call');
    ({ client: this.client, owned: this.ownsClient } = clientFor(options, logger));
  }

  async take(scope: CallerScope): Promise<BudgetDecision> {
    const keys = rateBudgetKeys(this.prefix, scope);
    try {
      const reply = (await takeScript.run(
        this.client,
        [keys.window, keys.block],
        [this.options.limit, this.windowMs, randomBytes(6).toString('hex')],
      )) as [number, number];
      this.outage.succeeded();
      if (reply[0] === 1) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(reply[1] / 1000)) };
    } catch (err) {
      this.outage.failed('take', err);
      return { allowed: true };
    }
  }

  async blockFor(scope: CallerScope, seconds: number): Promise<void> {
    if (!(seconds > 0)) return;
    try {
      await blockScript.run(
        this.client,
        [rateBudgetKeys(this.prefix, scope).block],
        [Math.ceil(seconds * 1000)],
      );
      this.outage.succeeded();
    } catch (err) {
      this.outage.failed('blockFor', err);
    }
  }

  async close(): Promise<void> {
    if (!this.ownsClient) return;
    await closeRedisClient(this.client);
  }
}
