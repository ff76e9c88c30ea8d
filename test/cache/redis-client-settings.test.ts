import type { Redis } from 'ioredis';
import { closeRedisClient, createRedisClient, whenReady } from '../../src/cache/redis-client.js';
import { capturingLogger, eventually } from './redis-test-utils.js';

/**
 * The settings every gateway use of Redis shares are the point of createRedisClient (see its doc:
 * Redis trouble costs a request at most one short timeout, never an error or a pile-up), so they are
 * checked one by one on the client it builds, and its connection errors reach the logger at debug.
 */

const clients: Redis[] = [];
const make = (...args: Parameters<typeof createRedisClient>) => {
  const client = createRedisClient(...args);
  clients.push(client);
  return client;
};

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => closeRedisClient(client)));
});

// Nothing listens on port 1; `lazyConnect` is not used, so each client starts connecting at once.
const NOWHERE = 'redis://127.0.0.1:1';

it('fails commands at once while disconnected, retries once, times out quickly, pipelines', () => {
  const client = make(NOWHERE);
  expect(client.options).toMatchObject({
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 250,
    enableAutoPipelining: true,
  });
  expect(make(NOWHERE, { commandTimeoutMs: 40, connectionName: 'gateway-test' }).options).toMatchObject({
    commandTimeout: 40,
    connectionName: 'gateway-test',
  });
});

it('reconnects with a doubling delay from 100 ms, capped at 2 s or the given maximum, and never gives up', () => {
  const strategy = make(NOWHERE).options.retryStrategy!;
  expect([1, 2, 3, 5, 6, 100].map((attempt) => strategy(attempt))).toEqual([100, 200, 400, 1600, 2000, 2000]);
  const capped = make(NOWHERE, { maxReconnectDelayMs: 300 }).options.retryStrategy!;
  expect([1, 2, 3, 100].map((attempt) => capped(attempt))).toEqual([100, 200, 300, 300]);
});

it('tells the logger about connection errors at debug level', async () => {
  const { logger, lines } = capturingLogger();
  make(NOWHERE, { logger });
  expect(await eventually(async () => lines.length > 0, 5000)).toBe(true);
  expect(lines[0]).toMatchObject({
    level: 20,
    msg: 'redis connection error',
    err: expect.stringMatching(/ECONNREFUSED/),
  });
});

it('whenReady leaves no listener behind when it gives up', async () => {
  const client = make(NOWHERE);
  const before = client.listenerCount('ready');
  expect(await whenReady(client, 50)).toBe(false);
  expect(client.listenerCount('ready')).toBe(before);
});

it('closeRedisClient stops a client that cannot reach Redis from trying again', async () => {
  const client = make(NOWHERE, { maxReconnectDelayMs: 100 });
  await new Promise((resolve) => setTimeout(resolve, 150)); // failed once at least, retrying
  let attempts = 0;
  client.on('connecting', () => attempts++);
  await closeRedisClient(client);
  // Retries come every 100 ms at most: a client still retrying makes several in this time.
  await new Promise((resolve) => setTimeout(resolve, 600));
  expect(attempts).toBe(0);
});
