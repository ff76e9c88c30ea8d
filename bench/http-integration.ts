import { setTimeout as sleep } from 'node:timers/promises';
import { forkServer, type ForkedServer } from './child-ipc.js';
import { createVerifier, normalise, queryOnce } from './dashboard-query.js';
import { runLoad } from './load.js';
import type { SimulatorInfo } from './simulator-process.js';

/**
 * `npm run bench:http`: which HTTP integration to run Apollo on. The same gateway core (warm cache,
 * whole-response reuse off, so every request runs Apollo and the resolvers) behind plain node:http
 * (what the gateway uses) and behind Fastify with @as-integrations/fastify, each in its own
 * process, in interleaved rounds; every response checked.
 */
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_DURATION_SECONDS ?? 3);
const connections = 10;
const here = (file: string) => new URL(file, import.meta.url);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const servers: ForkedServer[] = [];
  try {
    const sim = await forkServer<SimulatorInfo>('simulator', here('simulator-process.js'), {
      NODE_ENV: 'production',
      BENCH_SIM_LATENCY_MS: '50',
    });
    servers.push(sim);
    const env = (name: string) => ({
      NODE_ENV: 'production',
      BENCH_UPSTREAM_URL: sim.info.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      UPSTREAM_RATE_LIMIT: '0',
      CACHE_RESPONSES_MAX_MB: '0',
      CACHE_TTL_TRACKER_SECONDS: '3600',
      CACHE_TTL_LISTS_SECONDS: '3600',
      CACHE_PREFIX: `wwbench-http-${name}-${Date.now()}`,
    });
    const targets = {
      'node:http': await forkServer('node:http', here('gateway-process.js'), env('node')),
      fastify: await forkServer('fastify', here('fastify-gateway-process.js'), env('fastify')),
    };
    servers.push(...Object.values(targets));
    const expected = normalise((await queryOnce(targets['node:http'].url)).body);
    const results: Record<string, { rps: number[]; p50: number[]; cpuPer1k: number[] }> = {};
    for (const name of Object.keys(targets)) results[name] = { rps: [], p50: [], cpuPer1k: [] };
    for (const target of Object.values(targets))
      await runLoad(target.url, connections, 1, createVerifier(expected));

    for (let round = 1; round <= rounds; round++) {
      const order = round % 2 ? Object.entries(targets) : Object.entries(targets).reverse();
      for (const [name, target] of order) {
        const verifier = createVerifier(expected);
        let cpuAtStart = 0;
        const load = await runLoad(target.url, connections, seconds, verifier, {
          onWindowStart: async () => {
            cpuAtStart = (await target.usage()).cpuMicros;
          },
        });
        const cpu = ((await target.usage()).cpuMicros - cpuAtStart) / 1e6;
        if (verifier.mismatches || load.non2xx || load.errors) {
          throw new Error(
            `${name}: ${verifier.mismatches} wrong answers, ${load.non2xx} non-2xx, ${load.errors} errors`,
          );
        }
        results[name]!.rps.push(load.requestsPerSecond);
        results[name]!.p50.push(load.latencyP50Ms);
        results[name]!.cpuPer1k.push((cpu / load.responses) * 1000);
        console.log(
          `  round ${round} ${name.padEnd(9)} ${load.requestsPerSecond.toFixed(1)} req/s  p50 ${load.latencyP50Ms.toFixed(1)} ms`,
        );
        await sleep(200);
      }
    }
    console.log('\nintegration  req/s   p50 ms  CPU s/1k q   (medians, dashboard query, warm cache, c=10)');
    for (const [name, r] of Object.entries(results)) {
      console.log(
        `${name.padEnd(11)} ${median(r.rps).toFixed(1).padStart(6)}  ${median(r.p50).toFixed(1).padStart(7)}  ${median(r.cpuPer1k).toFixed(2).padStart(10)}`,
      );
    }
    const ratio = median(results['node:http']!.rps) / median(results.fastify!.rps);
    console.log(`\nnode:http / fastify requests/s: ${ratio.toFixed(2)}x`);
  } finally {
    for (const server of servers.reverse()) await server.close().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
