import type { Redis } from 'ioredis';
import {
  createRateBudget,
  MemoryRateBudget,
  RedisRateBudget,
  UnlimitedRateBudget,
} from '../../src/budget/index.js';
import { callerScope, rateBudgetKeys, type CallerScope } from '../../src/cache/keys.js';
import { connectForFile, WARN, capturingLogger, freePort, uniquePrefix } from '../cache/redis-test-utils.js';

/** The edges of the rate budgets: windows, blocks that are not, sweeping, options passed through. */

const prefix = uniquePrefix();
let redis: Redis;

connectForFile(prefix, (c) => (redis = c));

const scope = (name: string) => callerScope(`${name}-${Math.random()}`);

describe('MemoryRateBudget', () => {
  it('the window is 60 s unless configured: a call 59.999 s old still counts, at 60 s it is gone', async () => {
    let now = 1_000_000;
    const budget = new MemoryRateBudget({ limit: 1, clock: () => now });
    const s = scope('w');
    expect(await budget.take(s)).toEqual({ allowed: true });
    now += 59_999;
    expect(await budget.take(s)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1;
    expect(await budget.take(s)).toEqual({ allowed: true });
  });

  it('a block ends exactly at its end: denied 1 ms before, allowed at it', async () => {
    let now = 1_000_000;
    const budget = new MemoryRateBudget({ limit: 5, clock: () => now });
    const s = scope('b');
    await budget.blockFor(s, 2);
    now += 1_999;
    expect(await budget.take(s)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1;
    expect(await budget.take(s)).toEqual({ allowed: true });
  });

  it.each([0, -5, Number.NaN])('blockFor(%s) blocks nothing', async (seconds) => {
    const budget = new MemoryRateBudget({ limit: 5 });
    const s = scope('nb');
    await budget.blockFor(s, seconds);
    expect(await budget.take(s)).toEqual({ allowed: true });
  });

  it('the periodic sweep forgets only idle callers: counts and blocks inside the window survive it', async () => {
    let now = 1_000_000;
    const budget = new MemoryRateBudget({ limit: 1, windowSeconds: 10, clock: () => now });
    const [full, blocked, idle] = [scope('full'), scope('blocked'), scope('idle')];
    await budget.take(idle);
    now += 10_000; // idle's call leaves the window
    await budget.take(full);
    await budget.blockFor(blocked, 30);
    for (let i = 0; i < 1000; i++) await budget.take(scope(`other-${i}`)); // passes the sweep point
    expect((await budget.take(full)).allowed).toBe(false);
    expect(await budget.take(blocked)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(await budget.take(idle)).toEqual({ allowed: true });
  });

  it('close forgets every caller', async () => {
    const budget = new MemoryRateBudget({ limit: 1 });
    const s = scope('c');
    await budget.take(s);
    await budget.close();
    expect(await budget.take(s)).toEqual({ allowed: true });
  });
});

describe('RedisRateBudget', () => {
  it('keeps its window and block under its prefix, expiring with the window', async () => {
    const budget = new RedisRateBudget({ client: redis, prefix, limit: 3, windowSeconds: 5 });
    const s = scope('keys');
    await budget.take(s);
    await budget.blockFor(s, 2.5);
    const keys = rateBudgetKeys(prefix, s);
    expect(await redis.zcard(keys.window)).toBe(1);
    const windowTtl = await redis.pttl(keys.window);
    expect(windowTtl).toBeGreaterThan(4000);
    expect(windowTtl).toBeLessThanOrEqual(5000);
    const blockTtl = await redis.pttl(keys.block);
    expect(blockTtl).toBeGreaterThan(2000);
    expect(blockTtl).toBeLessThanOrEqual(2500);
    await budget.close();
  });

  it('the prefix defaults to wwgw; closing a budget does not close the client it was given', async () => {
    const budget = new RedisRateBudget({ client: redis, limit: 3 });
    const s = scope('default-prefix');
    const keys = rateBudgetKeys('wwgw', s);
    try {
      await budget.take(s);
      await budget.close();
      expect(await redis.zcard(keys.window)).toBe(1);
    } finally {
      await redis.del(keys.window);
    }
  });

  it('blockFor(0) blocks nothing, in Redis or locally, and is no outage', async () => {
    const { logger, lines } = capturingLogger();
    const budget = new RedisRateBudget({ client: redis, prefix, limit: 3, logger });
    const s = scope('zero');
    await budget.blockFor(s, 0);
    await budget.blockFor(s, -1);
    expect(await redis.exists(rateBudgetKeys(prefix, s).block)).toBe(0);
    expect(await budget.take(s)).toEqual({ allowed: true });
    expect(lines.filter((l) => l.level >= WARN)).toEqual([]);
  });

  it.each([
    ['take', (b: RedisRateBudget, s: CallerScope) => b.take(s).then(() => undefined)],
    ['blockFor', (b: RedisRateBudget, s: CallerScope) => b.blockFor(s, 5)],
  ])('an outage met by %s is reported once, naming the budget and the command', async (operation, first) => {
    const { logger, lines } = capturingLogger();
    const port = await freePort();
    const budget = new RedisRateBudget({ url: `redis://127.0.0.1:${port}`, limit: 4, instances: 2, logger });
    try {
      await first(budget, scope('outage'));
      await budget.take(scope('outage-2'));
      const warnings = lines.filter((l) => l.level === WARN);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({
        component: 'redis rate budget',
        operation,
        msg: 'redis rate budget unavailable: counting locally (2 calls per caller and window on this instance) until it recovers',
      });
    } finally {
      await budget.close();
    }
  });

  it('the local fallback uses the configured window and clock', async () => {
    let now = 1_000_000;
    const port = await freePort();
    const budget = new RedisRateBudget({
      url: `redis://127.0.0.1:${port}`,
      limit: 1,
      windowSeconds: 10,
      clock: () => now,
    });
    try {
      const s = scope('local');
      expect((await budget.take(s)).allowed).toBe(true);
      expect(await budget.take(s)).toEqual({ allowed: false, retryAfterSeconds: 10 });
      now += 10_000;
      expect((await budget.take(s)).allowed).toBe(true);
    } finally {
      await budget.close();
    }
  });

  it.each([1.5, -1])('rejects instances = %s', (instances) => {
    expect(() => new RedisRateBudget({ url: 'redis://127.0.0.1:1', limit: 10, instances })).toThrow(
      `expected instances to be a positive integer, got ${instances}`,
    );
  });
});

describe('createRateBudget passes its options on', () => {
  it('the window of an in-memory budget', async () => {
    const budget = createRateBudget({ limit: 1, windowSeconds: 2 });
    const s = scope('mem-window');
    await budget.take(s);
    expect(await budget.take(s)).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  it('the prefix and window of a Redis budget', async () => {
    const budget = createRateBudget({ limit: 1, windowSeconds: 3, redisClient: redis, prefix });
    const s = scope('redis-opts');
    await budget.take(s);
    expect(await redis.zcard(rateBudgetKeys(prefix, s).window)).toBe(1);
    expect(await budget.take(s)).toEqual({ allowed: false, retryAfterSeconds: 3 });
    await budget.close();
  });

  it('an unlimited budget still honours a block', async () => {
    const budget = createRateBudget({ limit: 0 });
    expect(budget).toBeInstanceOf(UnlimitedRateBudget);
    const s = scope('unlimited');
    await budget.blockFor(s, 5);
    expect(await budget.take(s)).toEqual({ allowed: false, retryAfterSeconds: 5 });
  });
});

describe('limits', () => {
  it.each([
    [{ limit: 1.5 }, 'expected limit to be a positive integer, got 1.5'],
    [{ limit: -1 }, 'expected limit to be a positive integer, got -1'],
    [{ limit: 1, windowSeconds: 0 }, 'expected windowSeconds > 0, got 0'],
    [{ limit: 1, windowSeconds: Number.NaN }, 'expected windowSeconds > 0, got NaN'],
  ])('%j is refused', (limits, message) => {
    expect(() => new MemoryRateBudget(limits)).toThrow(message);
  });

  it('a limit of one and a window of a fraction of a second are fine', () => {
    expect(() => new MemoryRateBudget({ limit: 1, windowSeconds: 0.5 })).not.toThrow();
  });
});
