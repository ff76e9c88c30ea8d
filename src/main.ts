import { ConfigError, loadConfig, type GatewayConfig } from './config/config.js';
import { gatewayHelp } from './config/env-help.js';
import { describeListenError } from './net/listen-error.js';
import { startGateway, type Gateway } from './gateway.js';
import { registerWithToken } from './live/register-for.js';
import { createLogger, type Logger } from './logging/logger.js';
import { redactUrl } from './logging/redact-url.js';

/** Longest a failed start waits for open handles to close before exiting anyway. */
const FAILED_START_EXIT_MS = 10_000;

/**
 * `npm start`. With WEBWORK_API_URL unset, the built-in WebWork simulator starts in this process
 * and the gateway points at it (the newcomer's default run); with REDIS_URL unset, the cache is
 * in memory.
 *
 * Exit codes: 2 = a bad variable (nothing was started); 1 = a start failure such as a port in use
 * (one line naming the variable; whatever had started is closed first). `--help` prints every
 * variable with its default and exits 0 without starting anything.
 *
 * SIGTERM/SIGINT stop it gracefully: /readyz answers 503, the listener closes after
 * SHUTDOWN_DELAY_MS, requests in flight get DRAIN_TIMEOUT_MS to finish, then Apollo, Redis and the
 * tracer close and it exits 0. A second signal ends it at once.
 */
async function main() {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(gatewayHelp());
    return;
  }
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
  const closeAll = async () => {
    for (const close of closers)
      await close().catch((error: unknown) => logger.error({ err: error }, 'close failed'));
  };
  /** A start step failed: one clear line when a variable can fix it, close what runs, exit 1. */
  const failStart = async (error: unknown, where: Parameters<typeof describeListenError>[1]) => {
    const line = describeListenError(error, where);
    if (line) console.error(line);
    else logger.fatal({ err: error }, 'gateway failed to start');
    await closeAll();
    process.exitCode = 1;
    // Nothing should be left open; if something is, do not hang a failed start.
    setTimeout(() => process.exit(1), FAILED_START_EXIT_MS).unref();
  };

  let upstreamUrl = config.webworkApiUrl;
  if (!upstreamUrl) {
    const { startSimulator } = await import('./simulator/server.js');
    const host = '127.0.0.1';
    let simulator;
    try {
      simulator = await startSimulator({ port: config.simulatorPort, host });
    } catch (error) {
      return failStart(error, { host, port: config.simulatorPort, portName: 'SIMULATOR_PORT' });
    }
    closers.push(() => simulator.close());
    upstreamUrl = simulator.apiUrl;
    logger.info(
      { simulator: simulator.apiUrl },
      'WEBWORK_API_URL is not set: using the built-in WebWork simulator',
    );
  }
  let gateway;
  try {
    gateway = await startGateway(config, upstreamUrl, logger);
  } catch (error) {
    return failStart(error, { host: config.host, port: config.port, hostName: 'HOST', portName: 'PORT' });
  }
  const drain = {
    delayMs: config.operations.shutdownDelayMs,
    drainMs: config.operations.drainTimeoutMs,
  };
  closers.unshift(() => gateway.close(drain));
  logger.info(
    {
      url: `${gateway.url}/graphql`,
      cache: gateway.cacheKind,
      upstream: redactUrl(upstreamUrl),
      ...(config.redisUrl ? { redis: redactUrl(config.redisUrl) } : {}),
      metrics: config.operations.metricsEnabled ? '/metrics' : 'off',
      tracing: config.operations.tracing === 'otlp' ? redactUrl(config.operations.otlpTracesUrl) : 'off',
    },
    'gateway ready',
  );
  if (!config.webworkApiUrl) {
    await registerDemoWebhooks(gateway, config, logger);
    console.log(`
  GraphQL:  ${gateway.url}/graphql   (open it in a browser for the playground)
  Demo token (simulator): send the header  Authorization: Bearer demo-owner
  Others: demo-manager, demo-member, demo-owner-2. Try:

  curl -s ${gateway.url}/graphql -H 'Authorization: Bearer demo-owner' -H 'content-type: application/json' \\
    -d '{"query":"{ workspace(workspaceId: 1) { name members(first: 5) { totalCount nodes { fullName role tracker { isRunning } } } } }"}'
`);
  }

  const shutdown = async (signal: string) => {
    logger.info(
      { signal, shutdownDelayMs: drain.delayMs, drainTimeoutMs: drain.drainMs },
      'shutting down: /readyz answers 503, draining requests in flight',
    );
    await closeAll();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * The demo run registers the gateway's webhooks with its embedded simulator for the demo
 * workspaces, with their owners' tokens, so a newcomer's board is live at once. A failure is
 * logged: the board then works by polling, as without webhooks.
 */
async function registerDemoWebhooks(gateway: Gateway, config: GatewayConfig, logger: Logger) {
  const { DEMO_TOKENS } = await import('./simulator/state/demo-tokens.js');
  const demo = [
    { token: DEMO_TOKENS.owner, workspaceId: 1 },
    { token: DEMO_TOKENS.owner2, workspaceId: 2 },
  ];
  for (const { token, workspaceId } of demo) {
    try {
      const registration = await registerWithToken(gateway.live, token, workspaceId, config.cache.keySecret);
      logger.info({ workspaceId, url: registration.url }, 'webhooks registered with the simulator');
    } catch (error) {
      logger.warn({ err: error, workspaceId }, 'demo webhooks not registered: trackers are read by polling');
    }
  }
}

void main();
