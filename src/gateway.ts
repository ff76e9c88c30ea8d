import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayConfig } from './config/config.js';
import { createGatewayCore, type GatewayCore, type GatewayCoreOptions } from './gateway-core.js';
import { silentLogger, type Logger } from './logging/logger.js';
import { Health } from './observability/health.js';
import { drainServer, type DrainOptions } from './observability/shutdown.js';
import { createHttpServer } from './server/http-server.js';
import { playgroundRoutes } from './server/playground/index.js';

/** A listening gateway: the core's shared parts, plus where it listens. */
export interface Gateway extends Pick<GatewayCore, 'cacheKind' | 'observability' | 'live'> {
  readonly url: string;
  readonly port: number;
  /**
   * Stops the gateway. Without options at once (open connections are cut); with `drain`, gracefully:
   * /readyz answers 503, then the listener closes and requests in flight may finish (see
   * observability/shutdown.ts). Then Apollo, Redis and the tracer are closed.
   */
  close(drain?: DrainOptions): Promise<void>;
}

/**
 * Starts one gateway instance: the core (gateway-core.ts) behind plain `node:http`
 * (server/http-server.ts), listening on the configured port.
 */
export async function startGateway(
  config: GatewayConfig,
  upstreamUrl: string,
  logger: Logger = silentLogger,
  options: GatewayCoreOptions = {},
): Promise<Gateway> {
  const core = await createGatewayCore(config, upstreamUrl, logger, options);
  const { observability } = core;
  const health = new Health({
    upstreamUrl,
    timeoutMs: Math.min(config.upstream.timeoutMs, 2000),
    cacheKind: core.cacheKind,
    redisStatus: () => core.redisStatus(),
    observability,
  });
  const metrics = observability.prometheus;
  const server: Server = createHttpServer({
    apollo: core.apollo,
    logger,
    maxBodyBytes: config.limits.maxBodyBytes,
    compressionMinBytes: config.http.compressionMinBytes,
    contextFor: (request) => core.contextFor(request),
    around: observability.around,
    routes: {
      ...playgroundRoutes(),
      '/healthz': health.healthz,
      // The original liveness path, kept as an alias of /healthz.
      '/health': health.healthz,
      '/readyz': health.readyz,
      [config.live.webhookPath]: core.live.receiver,
      ...(metrics
        ? {
            '/metrics': async (_request, response) => {
              const { contentType, body } = await metrics.render();
              response.setHeader('content-type', contentType);
              response.end(body);
            },
          }
        : {}),
    },
  });
  server.keepAliveTimeout = 65_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (error) {
    // Not listening (port in use, unknown host): release Redis and Apollo, then report.
    await core.close();
    throw error;
  }
  // Only once listening: attached earlier, ws would re-emit a listen failure (EADDRINUSE) as its own
  // "internal error" on stderr, beside the one-line message main.ts prints.
  core.subscriptions.attach(server);
  const { port } = server.address() as AddressInfo;
  health.markStarted();
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  core.live.listeningAt(url);

  return {
    url,
    port,
    cacheKind: core.cacheKind,
    observability,
    live: core.live,
    async close(drain?: DrainOptions) {
      // WebSocket connections outlive the HTTP server's close: end them first (1001, going away).
      await core.subscriptions.dispose();
      if (drain) {
        await drainServer(server, observability, drain, logger);
      } else {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await core.close();
    },
  };
}
