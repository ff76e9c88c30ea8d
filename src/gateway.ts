import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayConfig } from './config/config.js';
import { createGatewayCore, type GatewayCore } from './gateway-core.js';
import { silentLogger, type Logger } from './logging/logger.js';
import { createHttpServer, sendJson } from './server/http-server.js';
import { playgroundRoutes } from './server/playground/index.js';

/** A listening gateway: the core's shared parts, plus where it listens. */
export interface Gateway extends Pick<GatewayCore, 'cacheKind' | 'close'> {
  readonly url: string;
  readonly port: number;
}

/**
 * Starts one gateway instance: the core (gateway-core.ts) behind plain `node:http`
 * (server/http-server.ts), listening on the configured port.
 */
export async function startGateway(
  config: GatewayConfig,
  upstreamUrl: string,
  logger: Logger = silentLogger,
): Promise<Gateway> {
  const core = await createGatewayCore(config, upstreamUrl, logger);
  const server: Server = createHttpServer({
    apollo: core.apollo,
    logger,
    maxBodyBytes: config.limits.maxBodyBytes,
    compressionMinBytes: config.http.compressionMinBytes,
    contextFor: (request) => core.contextFor(request),
    routes: {
      ...playgroundRoutes(),
      '/health': (_request, response) => sendJson(response, 200, { status: 'ok', cache: core.cacheKind }),
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
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    port,
    cacheKind: core.cacheKind,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}
