import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../../src/config/config.js';
import { startGateway } from '../../src/gateway.js';
import { createLogger } from '../../src/logging/logger.js';
import type { LiveEvent } from '../../src/live/live-event.js';
import { isEntryPoint } from '../child-ipc.js';
import { failStartup, serveRpc } from './rpc.js';

/** Event-loop delay and memory of the gateway process, as `probe` answers them. */
export interface GatewayProbe {
  rssBytes: number;
  heapUsedBytes: number;
  /** Event-loop delay since the previous `probe` with `reset` (ms), from perf_hooks. */
  eventLoopDelayMs: { p50: number; p99: number; max: number; mean: number };
}

/**
 * One gateway under test in its own process, configured from its environment like `npm start`
 * and pointed at `RELIABILITY_UPSTREAM_URL`. Besides serving GraphQL it answers `probe` over IPC:
 * the event-loop delay measured inside the process (perf_hooks, 10 ms resolution) and memory;
 * and `publishLive`: publishes a LiveEvent on this instance's live bus, as its webhook receiver and
 * mutations do, answering the wall-clock time (ms, sub-ms precision) just before the publish.
 */
async function main() {
  const upstreamUrl = process.env.RELIABILITY_UPSTREAM_URL;
  if (!upstreamUrl) throw new Error('RELIABILITY_UPSTREAM_URL must be the simulator API URL');
  const config = loadConfig(process.env);
  const gateway = await startGateway(config, upstreamUrl, createLogger({ level: config.logLevel }));
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const ms = (ns: number) => (Number.isFinite(ns) ? ns / 1e6 : 0);
  serveRpc(
    gateway.url,
    { cache: gateway.cacheKind },
    {
      probe: (args: { reset?: boolean }): GatewayProbe => {
        const memory = process.memoryUsage();
        const probe = {
          rssBytes: memory.rss,
          heapUsedBytes: memory.heapUsed,
          eventLoopDelayMs: {
            p50: ms(delay.percentile(50)),
            p99: ms(delay.percentile(99)),
            max: ms(delay.max),
            mean: ms(delay.mean),
          },
        };
        if (args?.reset) delay.reset();
        return probe;
      },
      publishLive: async (args: { event: LiveEvent }): Promise<number> => {
        const publishedAt = performance.timeOrigin + performance.now();
        await gateway.live.bus.publish(args.event);
        return publishedAt;
      },
    },
    () => gateway.close(),
  );
}

if (isEntryPoint(import.meta.url)) main().catch(failStartup);
