import type { ChildProcess } from 'node:child_process';
import type { Redis } from 'ioredis';
import { createRedisClient } from '../../src/cache/redis-client.js';
import { RedisStore } from '../../src/cache/redis-store.js';
import {
  connectForFile,
  INFO,
  REDIS_URL,
  WARN,
  capturingLogger,
  eventually,
  freePort,
  killRedisServer,
  startRedisServer,
  uniquePrefix,
} from './redis-test-utils.js';

/**
 * How RedisStore reports trouble: which operation failed (each one, since the first failure of an
 * outage is the one logged), a connection lost or regained with no command in flight, a command that
 * fails inside its MULTI, and nothing at all for the calls that need no Redis or found nothing.
 */

const prefix = uniquePrefix();
let client: Redis;

connectForFile(prefix, (c) => (client = c));

const warnings = (lines: { level: number }[]) => lines.filter((line) => line.level === WARN);

describe('a failing operation is reported under its own name', () => {
  it.each([
    ['get', (store: RedisStore) => store.get('k')],
    ['getMany', (store: RedisStore) => store.getMany(['k'])],
    ['set', (store: RedisStore) => store.set('k', 'v', 60, ['t'])],
    ['invalidateTags', (store: RedisStore) => store.invalidateTags(['t'])],
  ])('%s', async (operation, call) => {
    const { logger, lines } = capturingLogger();
    // A client closed on purpose: every command fails at once, and no connection error can come first.
    const closed = createRedisClient('redis://127.0.0.1:1');
    closed.disconnect();
    const store = new RedisStore({ client: closed, prefix, logger });
    await call(store);
    expect(warnings(lines)[0]).toMatchObject({
      msg: 'redis cache unavailable: serving cache misses until it recovers',
      component: 'redis cache',
      operation,
    });
    await store.close();
  });
});

describe('the connection itself', () => {
  let server: ChildProcess | undefined;
  afterAll(async () => {
    if (server !== undefined) await killRedisServer(server);
  });

  it('is reported lost, and recovered, with no command made', async () => {
    const port = await freePort();
    const { logger, lines } = capturingLogger();
    const store = new RedisStore({ url: `redis://127.0.0.1:${port}`, prefix, logger });
    try {
      expect(await eventually(async () => warnings(lines).length === 1, 5000)).toBe(true);
      expect(warnings(lines)[0]).toMatchObject({ operation: 'connection' });
      server = await startRedisServer(port);
      const recovered = () => lines.some((l) => l.level === INFO && l.msg === 'redis cache recovered');
      expect(await eventually(async () => recovered(), 10_000)).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe('quiet calls', () => {
  it('nothing to look up, nothing to invalidate: no Redis, so no warning even when it is unreachable', async () => {
    const { logger, lines } = capturingLogger();
    const closed = createRedisClient('redis://127.0.0.1:1');
    closed.disconnect();
    const store = new RedisStore({ client: closed, prefix, logger });
    expect(await store.getMany([])).toEqual([]);
    await store.invalidateTags([]);
    expect(lines).toEqual([]);
    await store.close();
  });

  it('a missing key, and a TTL of zero or less, are no failure', async () => {
    const { logger, lines } = capturingLogger();
    const store = new RedisStore({ client, prefix, logger });
    expect(await store.get('absent')).toBeUndefined();
    await store.set('zero', 'v', 0, ['t']);
    await store.set('negative', 'v', -1, ['t']);
    expect(await client.exists(`${prefix}:v1:zero`, `${prefix}:v1:negative`)).toBe(0);
    expect(lines).toEqual([]);
    await store.close();
  });
});

describe('a command that fails inside the MULTI of a set', () => {
  it('is reported as a failed set', async () => {
    const { logger, lines } = capturingLogger();
    const store = new RedisStore({ client, prefix, logger });
    // A key of the wrong type where the tag set should be: SADD fails inside EXEC, the rest succeeds.
    await client.set(`${prefix}:v1:tag:clash`, 'not a set');
    await store.set('entry', 'v', 60, ['clash']);
    expect(warnings(lines)).toHaveLength(1);
    expect(warnings(lines)[0]).toMatchObject({ operation: 'set', err: expect.stringMatching(/WRONGTYPE/) });
    await store.close();
  });
});

describe('values it did not write', () => {
  it('a bare number (no colon) is a miss, not an entry', async () => {
    const store = new RedisStore({ client, prefix });
    await client.set(`${prefix}:v1:bare`, '12345', 'EX', 30);
    expect(await store.get('bare')).toBeUndefined();
    await store.close();
  });
});

describe('its own connection and a shared one', () => {
  it('creates its client with the command timeout it was given', async () => {
    const store = new RedisStore({ url: REDIS_URL, prefix, commandTimeoutMs: 1234 });
    expect(store.redis.options.commandTimeout).toBe(1234);
    await store.close();
  });

  it('close takes its listeners off a shared client', async () => {
    const before = [client.listenerCount('ready'), client.listenerCount('error')];
    const store = new RedisStore({ client, prefix });
    expect([client.listenerCount('ready'), client.listenerCount('error')]).toEqual([
      before[0]! + 1,
      before[1]! + 1,
    ]);
    await store.close();
    expect([client.listenerCount('ready'), client.listenerCount('error')]).toEqual(before);
  });
});
