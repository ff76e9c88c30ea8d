import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { TrackerRecord } from '../catalogue/tracking.operations.js';
import type { LiveConfig } from '../config/config.js';
import type { CachedReader } from '../datasources/cached-reader.js';
import type { Operations } from '../datasources/operations.js';
import type { Logger } from '../logging/logger.js';
import { createLiveBus } from './create-live-bus.js';
import type { LiveBus } from './live-bus.js';
import { MemoryTrackerStore } from './memory-tracker-store.js';
import { PendingTrackers } from './pending-trackers.js';
import { RedisTrackerStore } from './redis-tracker-store.js';
import { MemoryReplayGuard, RedisReplayGuard } from './replay-guard.js';
import { createTrackerScheduler } from './create-tracker-scheduler.js';
import type { TrackerRefresher } from './tracker-refresher.js';
import type { LiveTrackerDeps } from './tracker-reads.js';
import { snapshotOfRecord } from './tracker-snapshots.js';
import type { TrackerStore } from './tracker-store.js';
import { applyDelivery } from './webhook-apply.js';
import { noopWebhookMetrics, prometheusWebhookMetrics } from './webhook-metrics.js';
import { webhookReceiver } from './webhook-receiver.js';
import { WebhookRegistrations } from './webhook-registration.js';
import { MemoryWebhookRegistry, RedisWebhookRegistry, type WebhookRegistry } from './webhook-registry.js';

/** The live board's shared parts of one gateway instance (issue 10). */
export interface LiveBoard {
  readonly store: TrackerStore;
  readonly registry: WebhookRegistry;
  readonly bus: LiveBus;
  readonly registrations: WebhookRegistrations;
  /** What `Member.tracker` reads through (loaders). */
  readonly trackers: LiveTrackerDeps;
  /** The HTTP handler served at WEBHOOK_PATH. */
  readonly receiver: ReturnType<typeof webhookReceiver>;
  /**
   * The gateway's own start/stop: the store takes the answer (MUTATION, asOf now) and subscribers
   * hear it; returns the answer as stamped.
   */
  recordWrite(record: TrackerRecord, event: 'tracker.started' | 'tracker.stopped'): Promise<TrackerRecord>;
  /** Where WebWork reaches this gateway when PUBLIC_URL is unset (known once listening). */
  listeningAt(url: string): void;
  close(): Promise<void>;
}

export interface LiveBoardOptions {
  config: LiveConfig;
  trackerTtlSeconds: number;
  prefix: string;
  redis: Redis | undefined;
  redisUrl: string | undefined;
  operations: Operations;
  reader: CachedReader;
  metricsRegistry: Registry | undefined;
  logger: Logger;
  /** LIVE_POLL_INTERVAL_SECONDS: the shared poller's refresh period without webhooks. */
  pollIntervalSeconds: number;
  /** The background scheduler; default: the budget-aware scheduler and shared poller. */
  refresher?: TrackerRefresher;
}

/** Chosen by whether Redis is configured: shared across instances with it, per process without. */
export function createLiveBoard(options: LiveBoardOptions): LiveBoard {
  const { config, redis, prefix, logger } = options;
  const store = redis
    ? new RedisTrackerStore(redis, { prefix, ttlSeconds: config.trackerStoreTtlSeconds, logger })
    : new MemoryTrackerStore({ ttlSeconds: config.trackerStoreTtlSeconds });
  const registry = redis ? new RedisWebhookRegistry(redis, { prefix, logger }) : new MemoryWebhookRegistry();
  const replays = redis
    ? new RedisReplayGuard(redis, { prefix, windowSeconds: config.replayWindowSeconds, logger })
    : new MemoryReplayGuard(config.replayWindowSeconds);
  const bus = createLiveBus({ redis, redisUrl: options.redisUrl, prefix, logger });
  let listening: string | undefined;
  const registrations = new WebhookRegistrations({
    operations: options.operations,
    reader: options.reader,
    registry,
    webhookPath: config.webhookPath,
    publicUrl: () => {
      const url = config.publicUrl ?? listening;
      if (!url) throw new Error('the gateway is not listening yet: no URL to register');
      return url;
    },
  });
  const trackers: LiveTrackerDeps = {
    store,
    registry,
    bus,
    refresher:
      options.refresher ??
      createTrackerScheduler({
        operations: options.operations,
        store,
        bus,
        logger,
        redis,
        prefix,
        pollIntervalSeconds: options.pollIntervalSeconds,
        hasWebhooks: async (workspaceId) => (await registry.get(workspaceId)) !== undefined,
      }),
    pending: new PendingTrackers(),
    trackerTtlSeconds: options.trackerTtlSeconds,
    trustSeconds: config.trustSeconds,
    logger,
  };
  const receiver = webhookReceiver({
    maxBytes: config.webhookMaxBytes,
    registry,
    replays,
    apply: (delivery) =>
      applyDelivery(delivery, { invalidate: (tags) => options.reader.invalidate(tags), store, bus }),
    metrics: options.metricsRegistry ? prometheusWebhookMetrics(options.metricsRegistry) : noopWebhookMetrics,
    logger,
  });
  return {
    store,
    registry,
    bus,
    registrations,
    trackers,
    receiver,
    async recordWrite(record, event) {
      const stamped: TrackerRecord = { ...record, asOf: new Date().toISOString(), source: 'MUTATION' };
      const tracker = snapshotOfRecord(stamped, 'MUTATION');
      trackers.pending.known(record.workspaceId, record.userId);
      if (await store.put(tracker)) {
        const { workspaceId, userId } = tracker;
        await bus
          .publish({ kind: 'tracker', workspaceId, userId, event, tracker })
          .catch((error: unknown) => logger.warn({ err: error }, 'live event not published'));
      }
      return stamped;
    },
    listeningAt(url) {
      listening = url;
    },
    async close() {
      await trackers.refresher.close();
      await bus.close();
      await store.close();
    },
  };
}
