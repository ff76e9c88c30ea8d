import type { Redis } from 'ioredis';
import { RedisRateBudget } from '../../src/budget/index.js';
import { callerScope, rateBudgetKeys } from '../../src/cache/keys.js';
import { whenReady } from '../../src/cache/redis-client.js';
import {
  connectForFile,
  REDIS_URL,
  WARN,
  capturingLogger,
  eventually,
  uniquePrefix,
} from '../cache/redis-test-utils.js';

/**
 * A budget built on a URL owns its connection and closes it in `close()`: a take after that cannot
 * reach Redis and is counted locally (one outage warning), instead of a connection staying open.
 */

const prefix = uniquePrefix();
let redis: Redis;

connectForFile(prefix, (c) => (redis = c));

it('closing a budget built on a URL closes its own connection', async () => {
  const { logger, lines } = capturingLogger();
  const budget = new RedisRateBudget({ url: REDIS_URL, prefix, limit: 5, logger });
  // The connection is the budget's own; waiting for it through the private field is the only way in.
  expect(await whenReady((budget as unknown as { client: Redis }).client, 5000)).toBe(true);
  const scope = callerScope(`close-${Math.random()}`);
  expect(await budget.take(scope)).toEqual({ allowed: true });
  expect(await redis.zcard(rateBudgetKeys(prefix, scope).window)).toBe(1);
  expect(lines.filter((l) => l.level === WARN)).toEqual([]);

  await budget.close();
  const own = (budget as unknown as { client: Redis }).client;
  expect(await eventually(async () => own.status === 'end', 2000)).toBe(true);
  // Counted locally now, with the warning of an outage; the shared count does not move.
  expect(await budget.take(scope)).toEqual({ allowed: true });
  expect(lines.filter((l) => l.level === WARN)).toHaveLength(1);
  expect(await redis.zcard(rateBudgetKeys(prefix, scope).window)).toBe(1);
});
