import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import { closeRedisClient, createRedisClient, whenReady } from '../../src/cache/redis-client.js';

/** The shared Redis the test suite talks to. */
export const REDIS_URL = 'redis://127.0.0.1:6379';

/** A key prefix no other test file (or concurrent run) uses. */
export function uniquePrefix(): string {
  return `test-${randomUUID().slice(0, 8)}`;
}

/** Deletes every key under `prefix` (SCAN, test clean-up only). */
export async function deleteKeysUnder(client: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await client.del(...keys);
  } while (cursor !== '0');
}

/** A logger that keeps every line, so tests can count warnings. */
export function capturingLogger(): { logger: Logger; lines: { level: number; msg: string }[] } {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

export { freePort, killRedisServer, startRedisServer } from '../../bench/reliability/redis.js';

export const WARN = 40;
export const INFO = 30;

/** Polls `check` until it returns true or `timeoutMs` passes; returns whether it succeeded. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
}

/** Runs `fn` and returns its result with how long it took (ms). */
export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - start };
}

/**
 * The shared Redis for one test file: connected before its tests (or the file fails, naming the
 * URL), its keys under `prefix` deleted and the client closed after them. `use` receives the client.
 */
export function connectForFile(prefix: string, use: (client: Redis) => void): void {
  let client: Redis | undefined;
  beforeAll(async () => {
    const connected = createRedisClient(REDIS_URL);
    client = connected;
    use(connected);
    if (!(await whenReady(connected, 5000)))
      throw new Error(`expected Redis at ${REDIS_URL}; it did not answer`);
  });
  afterAll(async () => {
    if (!client) return;
    await deleteKeysUnder(client, prefix);
    await closeRedisClient(client);
  });
}
