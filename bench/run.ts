import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { forkServer, type ForkedServer } from './child-ipc.js';
import { createVerifier, firstDifference, normalise, queryOnce } from './dashboard-query.js';
import { runLoad } from './load.js';
import {
  evaluateBar,
  formatChecks,
  formatTable,
  MODES,
  summarise,
  writeReport,
  type BenchReport,
  type CallCount,
  type CallCounts,
  type Mode,
  type Sample,
} from './report.js';
import type { SimulatorInfo } from './simulator-process.js';

/**
 * `npm run bench`: the dashboard query against four servers side by side, in interleaved rounds,
 * in one run (see README "Benchmarks"). Each server runs in its own process, forked from here:
 * the simulator (50 ms per call, no rate limit), the ceiling (plain graphql-js over in-memory data)
 * and one gateway per mode. Load comes from autocannon in this process; every response is checked.
 *
 * Knobs (for quick trials; the defaults are the reported configuration): BENCH_ROUNDS,
 * BENCH_DURATION_SECONDS, BENCH_WARMUP_SECONDS, BENCH_REDIS_URL.
 */
const settings = {
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  durationSeconds: Number(process.env.BENCH_DURATION_SECONDS ?? 3),
  /**
   * A closed loop at concurrency c needs a run several times longer than one response takes: each
   * run lasts max(durationSeconds, 4 × c / (req/s measured in the warm-up at 10)), capped here.
   */
  maxDurationSeconds: Number(process.env.BENCH_MAX_DURATION_SECONDS ?? 8),
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 2),
  /** Unmeasured seconds at the start of each run while autocannon's connections get served (see load.ts). */
  leadInSeconds: 1,
  concurrencies: [10, 50],
  simulatorLatencyMs: 50,
  cacheTtlSeconds: 3600,
  redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
};
const LIST_ROUTES = ['GET /workspaces', 'GET /members', 'GET /contracts', 'GET /projects', 'GET /tasks'];
const here = (file: string) => new URL(file, import.meta.url);

function gatewayEnv(mode: Exclude<Mode, 'ceiling'>, apiUrl: string, prefix: string): Record<string, string> {
  const ttl = String(settings.cacheTtlSeconds);
  return {
    NODE_ENV: 'production',
    BENCH_UPSTREAM_URL: apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    UPSTREAM_RATE_LIMIT: '0',
    REDIS_URL: settings.redisUrl,
    CACHE_PREFIX: `${prefix}-${mode}`,
    CACHE_ENABLED: mode === 'cached' || mode === 'resolved' ? 'true' : 'false',
    CACHE_RESPONSES_MAX_MB: mode === 'resolved' ? '0' : '32',
    LOADER_MODE: mode === 'naive' ? 'naive' : 'batched',
    CACHE_TTL_WORKSPACES_SECONDS: ttl,
    CACHE_TTL_LISTS_SECONDS: ttl,
    CACHE_TTL_TRACKER_SECONDS: ttl,
  };
}

async function simStats(sim: ForkedServer): Promise<CallCount> {
  return (await (await fetch(`${sim.url}/__sim/stats`)).json()) as CallCount;
}
const resetSimStats = (sim: ForkedServer) => fetch(`${sim.url}/__sim/stats/reset`, { method: 'POST' });

/** Waits until the simulator has seen no call for 300 ms (abandoned requests of the last run are done). */
async function waitForQuiet(sim: ForkedServer): Promise<void> {
  let last = (await simStats(sim)).total;
  for (let i = 0; i < 200; i++) {
    await sleep(300);
    const now = (await simStats(sim)).total;
    if (now === last) return;
    last = now;
  }
}

async function redisCpuSeconds(redis: Redis): Promise<number | undefined> {
  const info = await redis.info('cpu').catch(() => '');
  const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1]);
  const total = field('used_cpu_user') + field('used_cpu_sys');
  return Number.isFinite(total) ? total : undefined;
}

async function deleteKeys(redis: Redis, prefix: string): Promise<number> {
  let deleted = 0;
  for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 })) {
    if ((keys as string[]).length) deleted += await redis.unlink(...(keys as string[]));
  }
  return deleted;
}

async function main(): Promise<number> {
  const startedAt = new Date().toISOString();
  const prefix = `wwbench-${Date.now()}-${randomBytes(3).toString('hex')}`;
  const failures: string[] = [];
  const servers: ForkedServer[] = [];
  const redis = new Redis(settings.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    console.log(`bench: starting the simulator (latency ${settings.simulatorLatencyMs} ms, no rate limit)`);
    const sim = await forkServer<SimulatorInfo>('simulator', here('simulator-process.js'), {
      NODE_ENV: 'production',
      BENCH_SIM_LATENCY_MS: String(settings.simulatorLatencyMs),
    });
    servers.push(sim);
    const apiUrl = sim.info.apiUrl;
    const targets = {} as Record<Mode, ForkedServer>;
    targets.ceiling = await forkServer('ceiling', here('ceiling-server.js'), {
      NODE_ENV: 'production',
      BENCH_UPSTREAM_URL: apiUrl,
    });
    servers.push(targets.ceiling);
    for (const mode of ['naive', 'batched', 'resolved', 'cached'] as const) {
      targets[mode] = await forkServer(
        `gateway-${mode}`,
        here('gateway-process.js'),
        gatewayEnv(mode, apiUrl, prefix),
      );
      servers.push(targets[mode]);
    }

    // The expected answer comes from the ceiling, whose data mapping shares no code with the gateway.
    const reference = await queryOnce(targets.ceiling.url);
    const expected = normalise(reference.body);
    const parsed = JSON.parse(reference.body) as {
      data?: { workspace?: { members?: { nodes?: [] } } };
      errors?: [];
    };
    if (
      reference.status !== 200 ||
      parsed.errors ||
      parsed.data?.workspace?.members?.nodes?.length !== Math.min(50, sim.info.members)
    ) {
      throw new Error(`the ceiling's reference answer is unusable: ${reference.body.slice(0, 300)}`);
    }

    // Upstream calls per query: stats reset, one query (cold: fresh cache prefix), then one more (warm).
    const calls = {} as Record<Mode, CallCounts>;
    for (const mode of MODES) {
      const measure = async (): Promise<CallCount> => {
        await waitForQuiet(sim);
        await resetSimStats(sim);
        const { status, body } = await queryOnce(targets[mode].url);
        if (status !== 200 || normalise(body) !== expected) {
          const diff = firstDifference(JSON.parse(expected), JSON.parse(normalise(body)));
          failures.push(
            `${mode}: single query answered ${status}, differs from the expected answer at ${diff}`,
          );
        }
        await waitForQuiet(sim);
        return simStats(sim);
      };
      const cold = await measure();
      calls[mode] = { cold, warm: await measure() };
    }

    const { members, leftMembers, contracts, projects } = sim.info;
    const shown = Math.min(50, members);
    const leftShown = Math.min(leftMembers, shown); // archived members are all on page 1 here
    const pages = (n: number) => Math.ceil(n / 100);
    const expectedCalls =
      1 + pages(members) + pages(contracts) + pages(projects) + projects + (shown - leftShown);
    const formula = {
      text:
        `batched cold = 1 (workspaces) + ceil(members ${members}/100) + ceil(contracts ${contracts}/100) + ` +
        `ceil(projects ${projects}/100) + ${projects} (tasks: one list call per project) + ` +
        `${shown - leftShown} (trackers: one call per member shown, no batch endpoint; ${shown} shown minus ` +
        `${leftShown} archived, whose tracker is null without a call since WebWork answers 404) = ${expectedCalls}`,
      expected: expectedCalls,
      measured: calls.batched.cold.total,
    };

    const warmupRate = {} as Record<Mode, number>;
    const warmup = async (mode: Mode) => {
      const verifier = createVerifier(expected);
      const load = await runLoad(targets[mode].url, 10, settings.warmupSeconds, verifier, {
        leadInSeconds: 0,
      });
      warmupRate[mode] = load.requestsPerSecond;
      if (verifier.mismatches || load.non2xx || load.errors) {
        failures.push(
          `${mode} warm-up: ${verifier.mismatches} wrong answers, ${load.non2xx} non-2xx, ${load.errors} errors`,
        );
      }
      await waitForQuiet(sim);
    };
    console.log(`bench: warming up every target for ${settings.warmupSeconds} s (JIT, connections, cache)`);
    for (const mode of MODES) await warmup(mode);

    const durationOf = (mode: Mode, connections: number) =>
      Math.min(
        settings.maxDurationSeconds,
        Math.max(settings.durationSeconds, Math.ceil((4 * connections) / Math.max(warmupRate[mode], 0.1))),
      );
    const samples: Sample[] = [];
    const total = settings.rounds * settings.concurrencies.length * MODES.length;
    console.log(
      `bench: ${total} runs of ${settings.leadInSeconds} s lead-in + ${settings.durationSeconds}-${settings.maxDurationSeconds} s measured (${settings.rounds} rounds × ${settings.concurrencies.join('/')} connections × ${MODES.length} modes, interleaved)`,
    );
    for (let round = 1; round <= settings.rounds; round++) {
      for (const connections of settings.concurrencies) {
        // Rotate the order each round so no mode always follows the same one.
        const order = MODES.map((_, i) => MODES[(i + round - 1) % MODES.length]!);
        for (const mode of order) {
          await waitForQuiet(sim);
          const server = targets[mode];
          let before = { cpuMicros: 0, peakRssBytes: 0 };
          let simBefore = before;
          let redisBefore: number | undefined;
          const verifier = createVerifier(expected);
          const load = await runLoad(server.url, connections, durationOf(mode, connections), verifier, {
            leadInSeconds: settings.leadInSeconds,
            onWindowStart: async () => {
              [before, simBefore, redisBefore] = await Promise.all([
                server.usage(),
                sim.usage(),
                redisCpuSeconds(redis),
              ]);
            },
          });
          const [after, simAfter, redisAfter] = await Promise.all([
            server.usage(),
            sim.usage(),
            redisCpuSeconds(redis),
          ]);
          samples.push({
            round,
            mode,
            load,
            serverCpuSeconds: (after.cpuMicros - before.cpuMicros) / 1e6,
            serverPeakRssBytes: after.peakRssBytes,
            simulatorCpuSeconds: (simAfter.cpuMicros - simBefore.cpuMicros) / 1e6,
            redisCpuSeconds:
              redisBefore === undefined || redisAfter === undefined ? undefined : redisAfter - redisBefore,
          });
          const bad = load.mismatches + load.non2xx + load.errors;
          console.log(
            `  round ${round} c=${String(connections).padEnd(2)} ${mode.padEnd(7)} ${String(Math.round(load.windowSeconds)).padStart(2)} s ${load.requestsPerSecond.toFixed(1).padStart(7)} req/s  p50 ${load.latencyP50Ms.toFixed(1)} ms  p99 ${load.latencyP99Ms.toFixed(1)} ms (${load.latencyBasis}, n=${load.latencySamples})  answered ${load.connectionsAnswered}/${connections} conns  checked ${verifier.checked}${bad ? `  BAD: ${load.mismatches} wrong, ${load.non2xx} non-2xx, ${load.errors} errors` : ''}`,
          );
          if (bad) {
            const diff =
              verifier.firstMismatch &&
              firstDifference(JSON.parse(expected), JSON.parse(normalise(verifier.firstMismatch)));
            failures.push(
              `${mode} c=${connections} round ${round}: ${load.mismatches} wrong answers${diff ? ` (first at ${diff})` : ''}, ${load.non2xx} non-2xx, ${load.errors} errors (${load.timeouts} timeouts)`,
            );
          }
        }
      }
    }

    const summary = summarise(samples, settings.concurrencies);
    const report: BenchReport = {
      startedAt,
      finishedAt: new Date().toISOString(),
      environment: {
        node: process.version,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        platform: process.platform,
      },
      settings: { ...settings, modes: MODES, cachePrefix: prefix },
      notes: [
        'Every 2xx response body is checked against the expected answer (from the ceiling) after replacing todaySeconds, which grows while a tracker runs and is frozen by the cache, by a marker; a wrong answer, a non-2xx or a connection error makes the run fail.',
        `Cache TTLs (workspaces, lists, tracker) are ${settings.cacheTtlSeconds} s for the bench so the warm cache stays warm for the whole run; production defaults are shorter (tracker 10 s).`,
        'calls/q: simulator call counter around one query after a stats reset; cold = first query (fresh cache prefix), warm = the next one. With the cache off, warm = cold by design.',
        'Each run = 1 s unmeasured lead-in (autocannon opens all connections at once and a CPU-saturated Node server serves new connections about one per event-loop turn) + a measured window of 3-8 s (longer for slow modes: 4 x connections / warm-up req/s, capped at 8 s).',
        'p50/p99/req/s: medians over rounds, over the measured window; latency excludes each connection\'s first response (its wait to be accepted) unless that leaves < 2 samples per connection (slow modes; marked * in the table, basis "all" in the JSON). CPU s/1k q: CPU of the server process (user+system, all threads) during the window over the 2xx responses in it, x1000; peak RSS: highest RSS sampled every 20 ms during the window.',
        'The ceiling is plain graphql-js (buildSchema(schema.graphql) + resolver functions, parse/validate cached) over the same data read once from the simulator, served by node:http; its ratio is 1 by definition.',
        'x ceiling: the median over rounds of (mode req/s ÷ ceiling req/s in the same round), since the shared machine drifts between rounds. resolved = warm cache of upstream reads with whole-response reuse off (every query runs Apollo and the resolvers); cached = the full gateway, where an identical repeated query is answered from the reused response.',
        'autocannon runs in the orchestrator process on the same machine as the servers, the simulator and Redis.',
      ],
      formula,
      calls,
      summary,
      checks: evaluateBar(formula, calls, summary, LIST_ROUTES),
      samples,
      failures,
    };
    console.log(`\n${formatTable(report)}\n`);
    console.log(formula.text);
    console.log(
      `measured: batched cold ${calls.batched.cold.total}, naive cold ${calls.naive.cold.total}, cached cold ${calls.cached.cold.total} / warm ${calls.cached.warm.total}\n`,
    );
    console.log(formatChecks(report.checks));
    console.log(`\n${report.notes.map((n) => `note: ${n}`).join('\n')}`);
    console.log(`\nresults: ${writeReport(report)}`);
  } catch (error) {
    failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  } finally {
    for (const server of servers.reverse()) await server.close();
    await deleteKeys(redis, prefix).catch(() => 0);
    redis.disconnect();
  }
  if (failures.length) {
    console.error(`\nbench FAILED (the figures above do not count):\n- ${failures.join('\n- ')}`);
    return 1;
  }
  console.log('bench: every response checked and correct');
  return 0;
}

process.exit(await main());
