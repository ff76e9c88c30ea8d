import type { Redis } from 'ioredis';
import {
  assertLimits,
  createRateBudget,
  localReserve,
  MemoryRateBudget,
  RedisRateBudget,
  UnlimitedRateBudget,
  type RateBudget,
} from '../../src/budget/index.js';
import { callerScope } from '../../src/cache/keys.js';
import { connectForFile, freePort, uniquePrefix } from '../cache/redis-test-utils.js';

/**
 * Background priority (issue 10): a background take is allowed only while more than the reserve is
 * left in the window, so the live board's scheduler never spends what interactive reads need.
 */
const prefix = uniquePrefix();
let redis: Redis;

connectForFile(prefix, (c) => (redis = c));

let n = 0;
const freshScope = () => callerScope(`reserve-${Date.now()}-${++n}-${Math.random()}`);
const background = { priority: 'background' } as const;

const makers: [string, (limit: number, reserve: number) => RateBudget][] = [
  ['MemoryRateBudget', (limit, reserve) => new MemoryRateBudget({ limit, backgroundReserve: reserve })],
  [
    'RedisRateBudget',
    (limit, reserve) => new RedisRateBudget({ client: redis, prefix, limit, backgroundReserve: reserve }),
  ],
];

describe.each(makers)('%s with a background reserve', (_name, makeBudget) => {
  it('stops background takes at limit - reserve and keeps the reserve for interactive ones', async () => {
    const budget = makeBudget(6, 2);
    const scope = freshScope();
    for (let i = 0; i < 4; i++) expect(await budget.take(scope, background)).toEqual({ allowed: true });
    const refused = await budget.take(scope, background);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(await budget.take(scope)).toEqual({ allowed: true });
    expect(await budget.take(scope, { priority: 'interactive' })).toEqual({ allowed: true });
    expect((await budget.take(scope)).allowed).toBe(false);
    await budget.close();
  });

  it('refuses background takes once interactive ones have used up all but the reserve', async () => {
    const budget = makeBudget(6, 2);
    const scope = freshScope();
    for (let i = 0; i < 4; i++) expect((await budget.take(scope)).allowed).toBe(true);
    expect((await budget.take(scope, background)).allowed).toBe(false);
    expect((await budget.take(scope)).allowed).toBe(true);
    await budget.close();
  });

  it('without a reserve, background takes are counted like interactive ones', async () => {
    const budget = makeBudget(2, 0);
    const scope = freshScope();
    expect((await budget.take(scope, background)).allowed).toBe(true);
    expect((await budget.take(scope, background)).allowed).toBe(true);
    expect((await budget.take(scope)).allowed).toBe(false);
    await budget.close();
  });
});

describe('the reserve across instances sharing Redis', () => {
  it('holds atomically for concurrent background takes on two instances', async () => {
    const a = new RedisRateBudget({ client: redis, prefix, limit: 10, backgroundReserve: 3 });
    const b = new RedisRateBudget({ client: redis, prefix, limit: 10, backgroundReserve: 3 });
    const scope = freshScope();
    const decisions = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).take(scope, background)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(7);
    // The reserve is still there for interactive reads on either instance.
    for (let i = 0; i < 3; i++) expect((await (i % 2 === 0 ? a : b).take(scope)).allowed).toBe(true);
    expect((await a.take(scope)).allowed).toBe(false);
    await a.close();
    await b.close();
  });

  it('keeps a proportional reserve in the local share while Redis is down', async () => {
    const port = await freePort();
    const budget = new RedisRateBudget({
      url: `redis://127.0.0.1:${port}`,
      prefix,
      limit: 60,
      instances: 2,
      backgroundReserve: 10,
    });
    const scope = freshScope();
    // Share 30, reserve ceil(10 * 30 / 60) = 5: 25 background takes, then 5 interactive only.
    for (let i = 0; i < 25; i++) expect((await budget.take(scope, background)).allowed).toBe(true);
    expect((await budget.take(scope, background)).allowed).toBe(false);
    for (let i = 0; i < 5; i++) expect((await budget.take(scope)).allowed).toBe(true);
    expect((await budget.take(scope)).allowed).toBe(false);
    await budget.close();
  }, 20_000);
});

describe('background retry hints and limits', () => {
  it('hints the wait until enough calls leave the window for a background take', async () => {
    let now = 0;
    const budget = new MemoryRateBudget({ limit: 6, backgroundReserve: 2, clock: () => now });
    const scope = freshScope();
    for (const at of [0, 10_000, 20_000, 30_000]) {
      now = at;
      expect((await budget.take(scope, background)).allowed).toBe(true);
    }
    now = 40_000;
    expect((await budget.take(scope)).allowed).toBe(true);
    // Five calls in the window, the ceiling is 4: the second oldest (10 s) must leave, at 70 s.
    expect(await budget.take(scope, background)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    now = 70_001;
    expect((await budget.take(scope, background)).allowed).toBe(true);
  });

  it('refuses a reserve that would starve background work, or a negative one', () => {
    expect(() => assertLimits({ limit: 5, backgroundReserve: 5 })).toThrow(/backgroundReserve/);
    expect(() => assertLimits({ limit: 5, backgroundReserve: -1 })).toThrow(/backgroundReserve/);
    expect(() => assertLimits({ limit: 5, backgroundReserve: 4 })).not.toThrow();
  });

  it('scales the reserve to a local share, always below it', () => {
    expect(localReserve(10, 60, 30)).toBe(5);
    expect(localReserve(10, 60, 20)).toBe(4);
    expect(localReserve(10, 60, 1)).toBe(0);
    expect(localReserve(0, 60, 30)).toBe(0);
  });

  it('an unlimited budget allows background takes, and createRateBudget passes the reserve on', async () => {
    const scope = freshScope();
    expect((await new UnlimitedRateBudget().take(scope, background)).allowed).toBe(true);
    const budget = createRateBudget({ limit: 3, backgroundReserve: 2 });
    expect((await budget.take(scope, background)).allowed).toBe(true);
    expect((await budget.take(scope, background)).allowed).toBe(false);
    expect((await budget.take(scope)).allowed).toBe(true);
    await budget.close();
  });
});
