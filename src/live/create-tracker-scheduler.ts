import type { Redis } from 'ioredis';
import type { Operations } from '../datasources/operations.js';
import type { Logger } from '../logging/logger.js';
import type { LiveBus } from './live-bus.js';
import { liveKeys } from './live-keys.js';
import { RedisPollerLock, singleInstanceLock } from './poller-lock.js';
import { TrackerScheduler } from './tracker-scheduler.js';
import type { TrackerStore } from './tracker-store.js';

/** The poller lock lives this long without renewal: a dead holder is replaced within it. */
export const POLLER_LOCK_TTL_MS = 15_000;

export interface CreateTrackerSchedulerOptions {
  operations: Pick<Operations, 'fetch' | 'all'>;
  store: TrackerStore;
  bus: LiveBus;
  logger: Logger;
  /** Shared Redis: the poller lock and the webhook registrations live there; without it, one instance. */
  redis: Redis | undefined;
  prefix: string;
  /** LIVE_POLL_INTERVAL_SECONDS. */
  pollIntervalSeconds: number;
  /**
   * Whether a workspace's webhooks are registered, when Redis is not configured (the in-memory
   * registrations of the webhook registration code). With Redis: the key `liveKeys.webhookRegistration`.
   */
  hasWebhooks?: (workspaceId: number) => Promise<boolean>;
}

/**
 * The live board's scheduler and shared poller, wired to Redis when there is one.
 *
 * Assumption (GAPS: webhooks carry no delivery guarantee we can observe): "webhooks registered" is
 * taken as "webhooks arrive"; a registered workspace is not polled, and what the webhooks miss is
 * left to interactive reads and `want`. A workspace whose registration is deleted is polled again
 * within one lock renewal period.
 */
export function createTrackerScheduler(options: CreateTrackerSchedulerOptions): TrackerScheduler {
  const { redis, prefix, logger } = options;
  const lock = redis
    ? new RedisPollerLock(redis, (ws) => liveKeys.pollerLock(prefix, ws), POLLER_LOCK_TTL_MS, logger)
    : singleInstanceLock;
  const hasWebhooks = redis
    ? (ws: number) =>
        redis.exists(liveKeys.webhookRegistration(prefix, ws)).then(
          (count) => count === 1,
          // Redis down: the lock cannot be had either, and its outage is logged there, once.
          () => false,
        )
    : (options.hasWebhooks ?? (() => Promise.resolve(false)));
  return new TrackerScheduler({
    operations: options.operations,
    store: options.store,
    bus: options.bus,
    logger,
    lock,
    hasWebhooks,
    pollIntervalMs: options.pollIntervalSeconds * 1000,
    lockRenewMs: POLLER_LOCK_TTL_MS / 3,
  });
}
