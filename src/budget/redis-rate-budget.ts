import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { rateBudgetKeys, type CallerScope } from '../cache/keys.js';
import { LuaScript } from '../cache/lua-script.js';
import { OutageReporter } from '../cache/outage-reporter.js';
import { closeRedisClient } from '../cache/redis-client.js';
import { clientFor, type RedisConnectionOption } from '../cache/redis-store.js';
import { silentLogger, type Logger } from '../logging/logger.js';
import { MemoryRateBudget } from './memory-rate-budget.js';
import { deny, type BudgetDecision, type RateBudget, type TakeOptions } from './rate-budget.js';
import { assertLimits, ceilingFor, type RateBudgetLimits } from './rate-budget-limits.js';

export type RedisRateBudgetOptions = RateBudgetLimits &
  RedisConnectionOption & {
    /** First segment of the budget keys. Default `wwgw`. */
    prefix?: string;
    logger?: Logger;
    /**
     * How many gateway instances share this budget (UPSTREAM_RATE_LIMIT_INSTANCES). While Redis is
     * unreachable each instance counts alone, with `localLimit(limit, instances)` calls per window and
     * caller, so together they stay within `limit`. Default 1.
     */
    instances?: number;
    /** Epoch-ms clock of the local fallback. Default `Date.now`; tests may advance it. */
    clock?: () => number;
  };

/**
 * One instance's share of the limit while the shared count is out of reach: `floor(limit / instances)`,
 * at least 1 (with more instances than calls, a caller can still make one call per window and instance).
 */
export function localLimit(limit: number, instances: number): number {
  return Math.max(1, Math.floor(limit / instances));
}

/**
 * The reserve of one instance's local share while Redis is down: the same fraction of the share as of the
 * limit, rounded up so interactive reads keep their priority, and below the share (a share of 1 keeps no
 * reserve: one call per window and instance, whoever asks first).
 */
export function localReserve(reserve: number, limit: number, share: number): number {
  return Math.min(share - 1, Math.ceil((reserve * share) / limit));
}

/**
 * One atomic step of the sliding-window log. KEYS: window ZSET, block key. ARGV: ceiling (the limit, or the
 * limit minus the background reserve), window ms, member suffix. Returns {1, 0} when allowed, {0, waitMs}
 * when denied: waitMs until the window holds ceiling - 1 calls. Interactive and background takes of all
 * instances share the one ZSET, so the reserve holds across instances as the limit does. Uses the Redis clock so instances with skewed clocks
 * still share one consistent window (scripts replicate by effects since Redis 5, so TIME is allowed).
 */
const takeScript = new LuaScript(`
local blockedMs = redis.call('PTTL', KEYS[2])
if blockedMs > 0 then return {0, blockedMs} end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ceiling = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < ceiling then
  redis.call('ZADD', KEYS[1], now, now .. '-' .. ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, 0}
end
local leaving = redis.call('ZRANGE', KEYS[1], count - ceiling, count - ceiling, 'WITHSCORES')
return {0, tonumber(leaving[2]) + window - now}
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
 * Redis failure fails safe, not open: each `take` that cannot reach Redis is decided by a local
 * `MemoryRateBudget` of `localLimit(limit, instances)` calls per window and caller, with one warning per
 * outage. The next `take` that reaches Redis uses the shared count again (calls counted locally during the
 * outage are not copied into it). Upstream blocks (429) are recorded locally as well as in Redis, so a
 * block learnt before an outage still holds during it.
 */
export class RedisRateBudget implements RateBudget {
  private readonly client: Redis;
  private readonly ownsClient: boolean;
  private readonly prefix: string;
  private readonly windowMs: number;
  private readonly outage: OutageReporter;
  private readonly local: MemoryRateBudget;

  constructor(private readonly options: RedisRateBudgetOptions) {
    assertLimits(options);
    const instances = options.instances ?? 1;
    if (!Number.isInteger(instances) || instances < 1) {
      throw new Error(`rate budget: expected instances to be a positive integer, got ${instances}`);
    }
    const logger = options.logger ?? silentLogger;
    this.prefix = options.prefix ?? 'wwgw';
    this.windowMs = (options.windowSeconds ?? 60) * 1000;
    const share = localLimit(options.limit, instances);
    this.local = new MemoryRateBudget({
      limit: share,
      backgroundReserve: localReserve(options.backgroundReserve ?? 0, options.limit, share),
      windowSeconds: options.windowSeconds,
      clock: options.clock,
    });
    this.outage = new OutageReporter(
      logger,
      'redis rate budget',
      `counting locally (${share} calls per caller and window on this instance)`,
    );
    ({ client: this.client, owned: this.ownsClient } = clientFor(options, logger));
  }

  async take(scope: CallerScope, options: TakeOptions = {}): Promise<BudgetDecision> {
    const keys = rateBudgetKeys(this.prefix, scope);
    try {
      const reply = (await takeScript.run(
        this.client,
        [keys.window, keys.block],
        [ceilingFor(this.options, options.priority), this.windowMs, randomBytes(6).toString('hex')],
      )) as [number, number];
      this.outage.succeeded();
      return reply[0] === 1 ? { allowed: true } : deny(reply[1]);
    } catch (err) {
      this.outage.failed('take', err);
      return this.local.take(scope, options);
    }
  }

  async blockFor(scope: CallerScope, seconds: number): Promise<void> {
    if (!(seconds > 0)) return;
    await this.local.blockFor(scope, seconds);
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
    await this.local.close();
    if (!this.ownsClient) return;
    await closeRedisClient(this.client);
  }
}
