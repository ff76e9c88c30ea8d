import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logging/logger.js';
import type { Observability } from './observability.js';

export interface DrainOptions {
  /** Keep accepting connections this long while /readyz answers 503 (SHUTDOWN_DELAY_MS). */
  delayMs: number;
  /** Then wait at most this long for requests in flight (DRAIN_TIMEOUT_MS). */
  drainMs: number;
}

/** Longest wait for connections to close by themselves once no request is in flight. */
const LINGER_MS = 1000;

/**
 * Graceful stop of the listener: /readyz turns 503 and responses close their connections; after
 * `delayMs` the listener stops accepting; requests in flight get up to `drainMs` to finish; then
 * whatever connection is left is closed. Resolves when the server is closed.
 */
export async function drainServer(
  server: Server,
  observability: Observability,
  options: DrainOptions,
  logger: Logger,
): Promise<void> {
  observability.startDraining();
  if (options.delayMs > 0) await sleep(options.delayMs);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const inFlight = observability.inFlightCount;
  if (inFlight > 0) logger.info({ inFlight, drainTimeoutMs: options.drainMs }, 'draining requests in flight');
  const drained = await observability.whenIdle(options.drainMs);
  if (!drained) {
    logger.warn(
      { inFlight: observability.inFlightCount, drainTimeoutMs: options.drainMs },
      'drain timeout: closing connections with requests still in flight',
    );
    server.closeAllConnections();
  } else {
    // Answered requests close their connections themselves (connection: close); idle keep-alive
    // ones are closed here; anything still open after a moment is closed regardless.
    server.closeIdleConnections();
    const lingering = setTimeout(() => server.closeAllConnections(), LINGER_MS);
    await closed;
    clearTimeout(lingering);
  }
  await closed;
}
