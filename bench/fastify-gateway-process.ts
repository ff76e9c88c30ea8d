import Fastify from 'fastify';
import fastifyApollo from '@as-integrations/fastify';
import { loadConfig } from '../src/config/config.js';
import { createGatewayCore } from '../src/gateway-core.js';
import { createLogger } from '../src/logging/logger.js';
import { failStartup, isEntryPoint, serveUsage } from './child-ipc.js';

/**
 * The same gateway core as `gateway-process.ts`, served by Fastify through Apollo's Fastify
 * integration instead of plain node:http: the candidate the HTTP-integration benchmark compares.
 */
async function main() {
  const upstreamUrl = process.env.BENCH_UPSTREAM_URL;
  if (!upstreamUrl) throw new Error('BENCH_UPSTREAM_URL must be the simulator API URL');
  const config = loadConfig(process.env);
  const core = await createGatewayCore(config, upstreamUrl, createLogger({ level: config.logLevel }));
  const app = Fastify({ logger: false });
  await app.register(fastifyApollo(core.apollo), { context: async (request) => core.contextFor(request) });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  serveUsage(url, { integration: 'fastify' }, async () => {
    await app.close();
    await core.close();
  });
}

if (isEntryPoint(import.meta.url)) main().catch(failStartup);
