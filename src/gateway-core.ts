import type { IncomingMessage } from 'node:http';
import type { Redis } from 'ioredis';
import type { ApolloServer } from '@apollo/server';
import { createRateBudget } from './budget/index.js';
import { createCache, createRedisClient, ResponseCache, whenReady } from './cache/index.js';
import { persistedQueryKeyPrefix } from './cache/keys.js';
import { RedisInvalidationBus } from './cache/invalidation-bus.js';
import { NearCache } from './cache/near-cache.js';
import type { GatewayConfig } from './config/config.js';
import { CachedReader } from './datasources/cached-reader.js';
import { CATALOGUE } from './catalogue/index.js';
import { createLiveBoard, type LiveBoard } from './live/live-board.js';
import { staleTagsAfter } from './catalogue/stale-reads.js';
import { Operations } from './datasources/operations.js';
import { UpstreamClient } from './datasources/upstream-client.js';
import { silentLogger, type Logger } from './logging/logger.js';
import { Observability } from './observability/observability.js';
import type { Tracing } from './observability/tracing.js';
import { buildGatewaySchema } from './schema/build-schema.js';
import { createApollo } from './server/apollo.js';
import { budgetCostPlugin } from './server/limits/budget-cost.plugin.js';
import { callerFromHeader, RequestContext } from './server/context.js';
import { loadTrustedDocuments, PersistedQueryStore } from './server/persisted-queries.js';
import { WholeResponseCache } from './server/whole-response-cache.js';
import { SubscriptionLimits } from './server/subscriptions/subscription-limits.js';
import { subscriptionMetrics } from './server/subscriptions/subscription-metrics.js';
import { SubscriptionServer } from './server/subscriptions/subscription-server.js';
import { WorkspaceAccess } from './server/subscriptions/workspace-access.js';

/** Everything of a gateway instance except the HTTP listener (so integrations can be compared). */
export interface GatewayCore {
  readonly apollo: ApolloServer<RequestContext>;
  /** Builds the per-request context from the request's headers. */
  contextFor(request: Pick<IncomingMessage, 'headers'>): RequestContext;
  readonly wholeResponses: WholeResponseCache | undefined;
  readonly cacheKind: 'redis' | 'memory';
  /** Request ids, metrics, tracing and the in-flight count (src/observability). */
  readonly observability: Observability;
  /** Tracker store, live bus, webhook receiver and registrations (src/live). */
  readonly live: LiveBoard;
  /** GraphQL subscriptions over graphql-ws; the HTTP layer attaches it to its server. */
  readonly subscriptions: SubscriptionServer;
  /** The Redis connection's status (`ready`, `reconnecting`, ...); undefined without REDIS_URL. */
  redisStatus(): string | undefined;
  close(): Promise<void>;
}

export interface GatewayCoreOptions {
  /** Tracing to use instead of the one the config describes (tests: an in-memory exporter). */
  tracing?: Tracing;
}

/**
 * Wires one gateway instance from a validated config: Redis (or memory) → cache tiers, invalidation
 * bus and rate budget → upstream client (which purges a refused caller's entries through the reader)
 * → operation lifecycles → schema → Apollo. Everything built here is shared by all
 * requests and holds no per-caller state; per-request state lives in RequestContext.
 */
export async function createGatewayCore(
  config: GatewayConfig,
  upstreamUrl: string,
  logger: Logger = silentLogger,
  options: GatewayCoreOptions = {},
): Promise<GatewayCore> {
  // Read first: a bad manifest stops the start before anything is opened.
  const trustedDocuments = config.http.trustedDocumentsPath
    ? loadTrustedDocuments(config.http.trustedDocumentsPath)
    : undefined;
  let redis: Redis | undefined;
  const observability = await Observability.create(config.operations, {
    logger,
    tracing: options.tracing,
    redisUp: config.redisUrl ? () => (redis ? Number(redis.status === 'ready') : undefined) : undefined,
  });
  if (config.redisUrl) {
    redis = createRedisClient(config.redisUrl, { connectionName: 'webwork-gateway', logger });
    if (!(await whenReady(redis, 2000))) {
      logger.warn(
        'Redis is not answering yet; serving without cache until it does (the client keeps reconnecting)',
      );
    }
  }
  const cache = createCache({
    redisClient: redis,
    prefix: config.cache.prefix,
    logger,
    memoryMaxEntries: config.cache.memoryMaxEntries,
  });
  const budget = observability.budget(
    createRateBudget({
      limit: config.upstream.rateLimit,
      instances: config.upstream.rateLimitInstances,
      backgroundReserve: config.upstream.backgroundReserve,
      redisClient: redis,
      prefix: config.cache.prefix,
      logger,
    }),
  );
  const near =
    config.cache.near.maxMegabytes > 0
      ? new NearCache({
          maxBytes: config.cache.near.maxMegabytes * 1_048_576,
          maxAgeMs: config.cache.near.maxAgeSeconds * 1000,
        })
      : undefined;
  const wholeResponses =
    config.cache.enabled && config.cache.wholeResponsesMaxMegabytes > 0
      ? new WholeResponseCache({
          maxBytes: config.cache.wholeResponsesMaxMegabytes * 1_048_576,
          maxAgeMs: config.cache.near.maxAgeSeconds * 1000,
        })
      : undefined;
  // Every in-process tier (near entries, whole responses) must hear the invalidations of the other
  // instances sharing the store, so the bus exists whenever one of them does and Redis is shared.
  const bus =
    (near || wholeResponses) && redis && config.redisUrl
      ? new RedisInvalidationBus(redis, { url: config.redisUrl, prefix: config.cache.prefix, logger })
      : undefined;
  const responseCache = new ResponseCache(cache.store, {
    enabled: config.cache.enabled,
    logger,
    near,
    bus,
    observer: observability.cache,
  });
  if (wholeResponses) responseCache.addDependent(wholeResponses);
  const reader = new CachedReader(responseCache);
  const upstream = new UpstreamClient({
    baseUrl: upstreamUrl,
    timeoutMs: config.upstream.timeoutMs,
    retries: config.upstream.retries,
    budget,
    budgetPerMinute: config.upstream.rateLimit > 0 ? config.upstream.rateLimit : undefined,
    logger,
    observer: observability.upstream(new URL(upstreamUrl).hostname),
  });
  const operations = new Operations({
    upstream,
    reader,
    cacheConfig: config.cache,
    staleTags: staleTagsAfter(CATALOGUE),
  });
  const live = createLiveBoard({
    config: config.live,
    trackerTtlSeconds: config.cache.ttl.tracker,
    prefix: config.cache.prefix,
    redis,
    redisUrl: config.redisUrl,
    operations,
    reader,
    metricsRegistry: observability.prometheus?.registry,
    logger,
    pollIntervalSeconds: config.liveScheduler.pollIntervalSeconds,
  });
  const loaderOptions = {
    mode: config.loaderMode,
    fanOutConcurrency: config.upstream.fanOutConcurrency,
    // CACHE_ENABLED=false sends every read upstream (benchmarks): the tracker store is a cache too.
    live: config.cache.enabled ? live.trackers : undefined,
  };

  const schema = await buildGatewaySchema();
  const subscriptions = new SubscriptionServer({
    schema,
    limits: config.limits,
    logger,
    operations,
    loaderOptions,
    scopeSecret: config.cache.keySecret,
    production: config.production,
    live: {
      bus: live.bus,
      refresher: live.trackers.refresher,
      access: new WorkspaceAccess(operations, reader),
      limits: new SubscriptionLimits(config.subscriptions),
      metrics: subscriptionMetrics(observability.prometheus?.registry),
      recheckMs: config.subscriptions.recheckSeconds * 1000,
    },
  });

  const persistedQueries = new PersistedQueryStore({
    redis,
    keyPrefix: persistedQueryKeyPrefix(config.cache.prefix),
    logger,
  });
  const apollo = createApollo(
    schema,
    logger,
    config.limits,
    {
      persistedQueries: { cache: persistedQueries, ttlSeconds: config.http.persistedQueriesTtlSeconds },
      trustedDocuments,
      wholeResponses,
      playground: { demo: !config.webworkApiUrl },
    },
    [
      budgetCostPlugin(schema, config.upstream.rateLimit),
      observability.apolloPlugin(),
      subscriptions.plugin(),
    ],
  );
  await apollo.start();
  return {
    apollo,
    wholeResponses,
    cacheKind: cache.kind,
    observability,
    live,
    subscriptions,
    redisStatus: () => redis?.status,
    contextFor: (request) =>
      new RequestContext(
        callerFromHeader(request.headers.authorization, {
          collectReads: wholeResponses !== undefined,
          scopeSecret: config.cache.keySecret,
        }),
        operations,
        loaderOptions,
        live,
      ),
    async close() {
      await subscriptions.dispose();
      await apollo.stop();
      await live.close();
      await budget.close();
      await bus?.close();
      await cache.store.close();
      if (redis) redis.disconnect();
      await observability.close();
    },
  };
}
