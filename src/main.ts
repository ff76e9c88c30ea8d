import { ConfigError, loadConfig, type GatewayConfig } from './config/config.js';
import { startGateway } from './gateway.js';
import { createLogger } from './logging/logger.js';

/**
 * `npm start`. With WEBWORK_API_URL unset, the built-in WebWork simulator starts in this process
 * and the gateway points at it (the newcomer's default run); with REDIS_URL unset, the cache is
 * in memory.
 */
async function main() {
  let config: GatewayConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });
  const closers: (() => Promise<void>)[] = [];

  let upstreamUrl = config.webworkApiUrl;
  if (!upstreamUrl) {
    const { startSimulator } = await import('./simulator/server.js');
    const simulator = await startSimulator({ port: config.simulatorPort, host: '127.0.0.1' });
    closers.push(() => simulator.close());
    upstreamUrl = simulator.apiUrl;
    logger.info(
      { simulator: simulator.apiUrl },
      'WEBWORK_API_URL is not set: using the built-in WebWork simulator',
    );
  }
  const gateway = await startGateway(config, upstreamUrl, logger);
  closers.unshift(() => gateway.close());
  logger.info(
    { url: `${gateway.url}/graphql`, cache: gateway.cacheKind, upstream: upstreamUrl },
    'gateway ready',
  );
  if (!config.webworkApiUrl) {
    console.log(`
  GraphQL:  ${gateway.url}/graphql
  Demo token (simulator): send the header  Authorization: Bearer demo-owner
  Others: demo-manager, demo-member, demo-owner-2. Try:

  curl -s ${gateway.url}/graphql -H 'Authorization: Bearer demo-owner' -H 'content-type: application/json' \\
    -d '{"query":"{ workspaces { workspaceId name members(first: 5) { totalCount nodes { fullName role tracker { isRunning } } } } }"}'
`);
  }

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    for (const close of closers)
      await close().catch((error: unknown) => logger.error({ err: error }, 'close failed'));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

void main();
