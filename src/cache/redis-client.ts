import { Redis } from 'ioredis';
import { silentLogger, type Logger } from '../logging/logger.js';

export interface RedisClientOptions {
  /** Longest wait for one command's reply before it fails (ms). Default 250. */
  commandTimeoutMs?: number;
  /** Longest pause between reconnection attempts (ms). Default 2000. */
  maxReconnectDelayMs?: number;
  /** Shown in `CLIENT LIST`, e.g. "gateway-cache". */
  connectionName?: string;
  /** Receives connection errors at debug level; outages are reported by the stores using the client. */
  logger?: Logger;
}

/**
 * Creates an ioredis client with the settings every gateway use of Redis shares (cache, rate budget,
 * pub/sub), chosen so that Redis trouble costs a request at most one short timeout and never an error:
 *
 * - `enableOfflineQueue: false`: while disconnected, commands fail at once instead of piling up in memory
 *   and replaying late.
 * - `maxRetriesPerRequest: 1` and `commandTimeout` (default 250 ms): a command in flight when the
 *   connection drops, or one Redis is too slow to answer, fails quickly.
 * - `retryStrategy` with capped backoff that never gives up: the client reconnects on its own when
 *   Redis comes back, without a restart.
 * - `enableAutoPipelining: true`: commands issued in the same tick share one round trip.
 * - an `'error'` listener, so a connection error is never an unhandled 'error' event.
 */
export function createRedisClient(url: string, options: RedisClientOptions = {}): Redis {
  const maxDelay = options.maxReconnectDelayMs ?? 2000;
  const logger = options.logger ?? silentLogger;
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 250,
    enableAutoPipelining: true,
    retryStrategy: (attempt: number) => Math.min(50 * 2 ** Math.min(attempt, 10), maxDelay),
    connectionName: options.connectionName,
  });
  client.on('error', (err: Error) => logger.debug({ err: err.message }, 'redis connection error'));
  return client;
}

/**
 * Resolves `true` once `client` is ready, `false` after `timeoutMs` (it keeps trying in the background).
 * Useful at boot and in tests: with the offline queue disabled, commands sent before the first
 * connection completes fail (and are served as misses).
 */
export async function whenReady(client: Redis, timeoutMs: number): Promise<boolean> {
  if (client.status === 'ready') return true;
  return new Promise<boolean>((resolve) => {
    const onReady = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      resolve(false);
    }, timeoutMs);
    client.once('ready', onReady);
  });
}

/**
 * Closes a client politely (`QUIT`, so replies in flight arrive) or, when it cannot send (still connecting,
 * or Redis is down: without an offline queue `QUIT` then rejects and the client would keep reconnecting),
 * drops the socket and stops reconnecting. Never rejects.
 */
export async function closeRedisClient(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}
