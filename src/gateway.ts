import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import { createCache, createRateBudget, createRedisClient, ResponseCache, whenReady } from './cache/index.js';
import { RedisInvalidationBus } from './cache/invalidation-bus.js';
import { NearCache } from './cache/near-cache.js';
import type { GatewayConfig } from './config/config.js';
import { CachedReader } from './datasources/cached-reader.js';
import { createDatasources, type Datasources } from './datasources/index.js';
import { UpstreamClient } from './datasources/upstream-client.js';
import { silentLogger, type Logger } from './logging/logger.js';
import { buildGatewaySchema } from './schema/build-schema.js';
import { createApollo } from './server/apollo.js';
import { callerFromHeader, RequestContext } from './server/context.js';
import { createHttpServer, sendJson } from './server/http-server.js';
import { WholeResponseCache } from './server/whole-response-cache.js';

export interface Gateway {
  readonly url: string;
  readonly port: number;
  readonly upstream: UpstreamClient;
  readonly datasources: Datasources;
  readonly cacheKind: 'redis' | 'memory';
  close(): Promise<void>;
}

/**
 * Wires one gateway instance from a validated config: Redis (or memory) → cache and rate budget →
 * upstream client → datasources → schema → Apollo → HTTP. Everything built here is shared by all
 * requests and holds no per-caller state; per-request state lives in RequestContext.
 */
export async function startGateway(
  config: GatewayConfig,
  upstreamUrl: string,
  logger: Logger = silentLogger,
): Promise<Gateway> {
  let redis: Redis | undefined;
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
  const budget = createRateBudget({
    limit: config.upstream.rateLimit,
    redisClient: redis,
    prefix: config.cache.prefix,
    logger,
  });
  const upstream = new UpstreamClient({
    baseUrl: upstreamUrl,
    timeoutMs: config.upstream.timeoutMs,
    retries: config.upstream.retries,
    budget,
    logger,
  });
  // The near tier only needs the bus when other instances may share the store (Redis).
  const near =
    config.cache.near.maxMegabytes > 0
      ? new NearCache({
          maxBytes: config.cache.near.maxMegabytes * 1_048_576,
          maxAgeMs: config.cache.near.maxAgeSeconds * 1000,
        })
      : undefined;
  const bus =
    near && redis && config.redisUrl
      ? new RedisInvalidationBus(redis, { url: config.redisUrl, prefix: config.cache.prefix, logger })
      : undefined;
  const responseCache = new ResponseCache(cache.store, { enabled: config.cache.enabled, logger, near, bus });
  const wholeResponses =
    config.cache.enabled && config.cache.wholeResponsesMaxMegabytes > 0
      ? new WholeResponseCache({
          maxBytes: config.cache.wholeResponsesMaxMegabytes * 1_048_576,
          maxAgeMs: config.cache.near.maxAgeSeconds * 1000,
        })
      : undefined;
  if (wholeResponses) responseCache.addDependent(wholeResponses);
  const datasources = createDatasources({
    upstream,
    reader: new CachedReader(responseCache),
    cacheConfig: config.cache,
  });
  const loaderOptions = { mode: config.loaderMode, fanOutConcurrency: config.upstream.fanOutConcurrency };

  const apollo = createApollo(await buildGatewaySchema(), logger, config.executor);
  await apollo.start();
  const server: Server = createHttpServer({
    apollo,
    logger,
    wholeResponses,
    contextFor: (request) =>
      new RequestContext(
        callerFromHeader(request.headers.authorization, { collectReads: wholeResponses !== undefined }),
        datasources,
        loaderOptions,
      ),
    routes: {
      '/health': (_request, response) => sendJson(response, 200, { status: 'ok', cache: cache.kind }),
    },
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    port,
    upstream,
    datasources,
    cacheKind: cache.kind,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
      await budget.close();
      await bus?.close();
      await cache.store.close();
      if (redis) redis.disconnect();
    },
  };
}
