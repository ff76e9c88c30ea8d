import type { Redis } from 'ioredis';
import {
  createRateBudget,
  localLimit,
  MemoryRateBudget,
  RedisRateBudget,
  UnlimitedRateBudget,
  type RateBudget,
} from '../../src/budget/index.js';
import { callerScope } from '../../src/cache/keys.js';
import { closeRedisClient, createRedisClient, whenReady } from '../../src/cache/redis-client.js';
import {
  REDIS_URL,
  WARN,
  capturingLogger,
  deleteKeysUnder,
  freePort,
  timed,
  uniquePrefix,
} from '../cache/redis-test-utils.js';

const prefix = uniquePrefix();
let redis: Redis;

beforeAll(async () => {
  redis = createRedisClient(REDIS_URL);
  if (!(await whenReady(redis, 5000))) throw new Error(`expected Redis at ${REDIS_URL}; it did not answer`);
});

afterAll(async () => {
  await deleteKeysUnder(redis, prefix);
  await closeRedisClient(redis);
});

const makers: [string, (limit: number) => RateBudget][] = [
  ['MemoryRateBudget', (limit) => new MemoryRateBudget({ limit })],
  ['RedisRateBudget', (limit) => new RedisRateBudget({ client: redis, prefix, limit })],
];

describe.each(makers)('%s', (_name, makeBudget) => {
  let n = 0;
  const freshScope = () => callerScope(`token-${Date.now()}-${++n}-${Math.random()}`);

  it('allows `limit` calls in the window, then denies with a retry hint', async () => {
    const budget = makeBudget(3);
    const scope = freshScope();
    for (let i = 0; i < 3; i++) expect(await budget.take(scope)).toEqual({ allowed: true });
    const denied = await budget.take(scope);
    expect(denied.allowed).toBe(false);
    if (!denied.allowed) {
      expect(denied.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(denied.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    await budget.close();
  });

  it('counts each caller separately', async () => {
    const budget = makeBudget(1);
    const [a, b] = [freshScope(), freshScope()];
    expect((await budget.take(a)).allowed).toBe(true);
    expect((await budget.take(a)).allowed).toBe(false);
    expect((await budget.take(b)).allowed).toBe(true);
    await budget.close();
  });

  it('denies every take during a block, with the block as the hint, for that caller only', async () => {
    const budget = makeBudget(100);
    const [blocked, other] = [freshScope(), freshScope()];
    await budget.blockFor(blocked, 30);
    const decision = await budget.take(blocked);
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect((await budget.take(other)).allowed).toBe(true);
    await budget.blockFor(blocked, 5); // a shorter block does not cut the longer one short
    expect(await budget.take(blocked)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    await budget.close();
  });

  it('lets exactly `limit` of many concurrent takes through', async () => {
    const budget = makeBudget(5);
    const scope = freshScope();
    const decisions = await Promise.all(Array.from({ length: 20 }, () => budget.take(scope)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    await budget.close();
  });
});

describe('sliding window', () => {
  it('MemoryRateBudget frees a slot when the oldest call leaves the window', async () => {
    let now = 1_000_000;
    const budget = new MemoryRateBudget({ limit: 2, windowSeconds: 60, clock: () => now });
    const scope = callerScope('t');
    await budget.take(scope); // t = 0
    now += 20_000;
    await budget.take(scope); // t = 20 s
    expect(await budget.take(scope)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    now += 40_000; // the first call leaves the window
    expect(await budget.take(scope)).toEqual({ allowed: true });
    expect(await budget.take(scope)).toEqual({ allowed: false, retryAfterSeconds: 20 });
    await budget.blockFor(scope, 2);
    now += 2_001;
    expect((await budget.take(scope)).allowed).toBe(false); // block over, window still full
  });

  it('RedisRateBudget frees a slot when the oldest call leaves the window', async () => {
    const budget = new RedisRateBudget({ client: redis, prefix, limit: 2, windowSeconds: 1 });
    const scope = callerScope(`window-${Math.random()}`);
    expect((await budget.take(scope)).allowed).toBe(true);
    expect((await budget.take(scope)).allowed).toBe(true);
    expect(await budget.take(scope)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await budget.take(scope)).allowed).toBe(true);
  });
});

describe('RedisRateBudget when Redis is unreachable', () => {
  it('fails safe: counts locally with limit / instances per caller, quickly, with one warning', async () => {
    const { logger, lines } = capturingLogger();
    const port = await freePort(); // nothing listens there
    const budget = new RedisRateBudget({ url: `redis://127.0.0.1:${port}`, limit: 10, instances: 3, logger });
    const [scope, other] = [callerScope('t'), callerScope('other')];
    for (let i = 0; i < 3; i++) {
      const { result, ms } = await timed(() => budget.take(scope));
      expect(result).toEqual({ allowed: true });
      expect(ms).toBeLessThan(1000);
    }
    const denied = await budget.take(scope);
    expect(denied.allowed).toBe(false);
    expect((await budget.take(other)).allowed).toBe(true); // each caller has its own local share
    expect(lines.filter((line) => line.level === WARN)).toHaveLength(1);
    expect(lines.find((line) => line.level === WARN)!.msg).toMatch(/counting locally \(3 calls/);
    await budget.close();
  });

  it('honours an upstream block during the outage', async () => {
    const port = await freePort();
    const budget = new RedisRateBudget({ url: `redis://127.0.0.1:${port}`, limit: 100 });
    const scope = callerScope('blocked');
    try {
      await budget.blockFor(scope, 10);
      expect(await budget.take(scope)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    } finally {
      await budget.close();
    }
  });

  it('shares the limit out by instance count, never below one call', () => {
    expect(localLimit(60, 1)).toBe(60);
    expect(localLimit(60, 4)).toBe(15);
    expect(localLimit(10, 3)).toBe(3);
    expect(localLimit(2, 5)).toBe(1);
    expect(() => new RedisRateBudget({ url: 'redis://127.0.0.1:1', limit: 10, instances: 0 })).toThrow(
      /expected instances to be a positive integer, got 0/,
    );
  });
});

describe('createRateBudget', () => {
  it('picks the implementation from limit and client', async () => {
    expect(createRateBudget({ limit: 0 })).toBeInstanceOf(UnlimitedRateBudget);
    expect(createRateBudget({ limit: 60 })).toBeInstanceOf(MemoryRateBudget);
    const client = createRedisClient(REDIS_URL);
    const budget = createRateBudget({ limit: 60, redisClient: client, instances: 2 });
    expect(budget).toBeInstanceOf(RedisRateBudget);
    await budget.close();
    await closeRedisClient(client);
  });
});

describe('UnlimitedRateBudget and limits', () => {
  it('never counts, but honours an upstream block for that caller only, until it passes', async () => {
    let now = 1_000_000;
    const budget = new UnlimitedRateBudget(() => now);
    const scope = callerScope('t');
    for (let i = 0; i < 100; i++) expect(await budget.take(scope)).toEqual({ allowed: true });
    await budget.blockFor(scope, 30);
    expect(await budget.take(scope)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(await budget.take(callerScope('other'))).toEqual({ allowed: true });
    now += 30_000;
    expect(await budget.take(scope)).toEqual({ allowed: true });
  });

  it('rejects a limit that is not a positive integer, naming what was expected', () => {
    expect(() => new MemoryRateBudget({ limit: 0 })).toThrow(
      /expected limit to be a positive integer, got 0/,
    );
    expect(() => new MemoryRateBudget({ limit: 10, windowSeconds: -1 })).toThrow(/windowSeconds > 0/);
  });
});
