import { loadConfig } from '../src/config/config.js';
import { startGateway } from '../src/gateway.js';
import { createLogger } from '../src/logging/logger.js';
import { failStartup, isEntryPoint, serveUsage } from './child-ipc.js';

/**
 * One gateway instance in its own process (forked by `run.ts` once per mode), configured like
 * `npm start` from its environment, pointed at `BENCH_UPSTREAM_URL`.
 */
async function main() {
  const upstreamUrl = process.env.BENCH_UPSTREAM_URL;
  if (!upstreamUrl) throw new Error('BENCH_UPSTREAM_URL must be the simulator API URL');
  const config = loadConfig(process.env);
  const gateway = await startGateway(config, upstreamUrl, createLogger({ level: config.logLevel }));
  serveUsage(gateway.url, { cache: gateway.cacheKind, loaderMode: config.loaderMode }, () => gateway.close());
}

if (isEntryPoint(import.meta.url)) main().catch(failStartup);
