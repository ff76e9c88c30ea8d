import { setTimeout as sleep } from 'node:timers/promises';
import { closedLoop } from '../closed-loop.js';
import { gql, probeHttp } from '../http-client.js';
import { closeAll, startGatewayChild, startSimulatorChild } from '../processes.js';
import { figure, goal, type Scenario } from '../scenario.js';
import { fmt, max, percentile } from '../stats.js';

const TIMEOUT_MS = 300;
const ATTEMPTS = 2; // UPSTREAM_RETRIES=1
/** got's capped backoff before a retry (upstream-client.ts: at most 300 ms). */
const BACKOFF_MS = 300;
const MARGIN_MS = 1000;

/**
 * Queries whose upstream calls come in a known number of sequential rounds (a round cannot start
 * before the previous one answered): the deadline of each is rounds × (timeout × attempts +
 * backoff) + a margin for the gateway's own work.
 */
const QUERIES = [
  { name: 'workspaces', rounds: 1, query: '{ workspaces { id workspaceId name } }' },
  {
    name: 'members page',
    rounds: 2, // workspaces (membership check), then the members page
    query: '{ workspace(workspaceId: 1) { id members(first: 5) { nodes { id userId } } } }',
  },
  {
    name: 'one tracker',
    rounds: 3, // workspaces, members page (by-id lookup), tracker
    query: '{ workspace(workspaceId: 1) { member(userId: 102) { id tracker { isRunning } } } }',
  },
];
const deadlineOf = (rounds: number) => rounds * (TIMEOUT_MS * ATTEMPTS + BACKOFF_MS) + MARGIN_MS;

/**
 * The upstream never answers 30% of its GETs (hangRate). With UPSTREAM_TIMEOUT_MS=300 and one retry,
 * no client request may outlive its deadline, and the gateway's event loop must stay responsive
 * (delay measured inside the process with perf_hooks, and as the latency of /health probes every
 * 100 ms from outside).
 */
export const upstreamHang: Scenario = {
  name: 'upstream-hang',
  goals: ['requests past their deadline', 'event-loop delay p99', '/health latency p99'],
  async run({ quick }) {
    const seconds = quick ? 4 : 20;
    const sim = await startSimulatorChild();
    const gateway = await startGatewayChild('upstream-hang', sim, {
      UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS),
      UPSTREAM_RETRIES: String(ATTEMPTS - 1),
      CACHE_TTL_WORKSPACES_SECONDS: '1',
      CACHE_TTL_LISTS_SECONDS: '1',
      CACHE_TTL_TRACKER_SECONDS: '1',
      CACHE_STALE_SECONDS: '0',
    });
    try {
      await sim.configure({ hangRate: 0.3, faultMethods: ['GET'], faultPathPattern: '' });
      await gateway.probe(true);
      const late: string[] = [];
      const overrun: number[] = [];
      const latencies: number[] = [];
      let requests = 0;
      let answered = 0;
      const health: number[] = [];
      let probing = true;
      const prober = (async () => {
        while (probing) {
          health.push((await probeHttp(`${gateway.url}/health`, 5000)).ms);
          await sleep(100);
        }
      })();
      await closedLoop(6, seconds * 1000, async (worker, i) => {
        const q = QUERIES[(worker + i) % QUERIES.length]!;
        const deadline = deadlineOf(q.rounds);
        const answer = await gql(gateway.url, { query: q.query }, 'demo-owner', deadline + 10_000);
        requests += 1;
        if (answer.status === 200) answered += 1;
        latencies.push(answer.ms);
        if (answer.ms > deadline) {
          late.push(q.name);
          overrun.push(answer.ms - deadline);
        }
      });
      probing = false;
      await prober;
      const probe = await gateway.probe(true);
      const eld = probe.eventLoopDelayMs;
      const healthP99 = percentile(health, 99);
      return {
        setup: `${seconds} s, 6 clients in a closed loop over 3 queries of 1-3 sequential upstream rounds (token demo-owner); simulator hangRate 0.3 on GETs; UPSTREAM_TIMEOUT_MS ${TIMEOUT_MS}, UPSTREAM_RETRIES ${ATTEMPTS - 1}, TTLs 1 s, no stale serving; deadline = rounds × (${TIMEOUT_MS} ms × ${ATTEMPTS} + ${BACKOFF_MS} ms backoff) + ${MARGIN_MS} ms.`,
        figures: [
          figure('requests (answered 200)', `${requests} (${answered})`),
          figure(
            'latency p50 / p99 / max ms',
            `${fmt(percentile(latencies, 50))} / ${fmt(percentile(latencies, 99))} / ${fmt(max(latencies))}`,
          ),
          figure('requests past their deadline', late.length),
          figure('largest overrun ms', fmt(max(overrun))),
          figure(
            'event-loop delay p50 / p99 / max ms (in the gateway)',
            `${fmt(eld.p50, 1)} / ${fmt(eld.p99, 1)} / ${fmt(eld.max, 1)}`,
          ),
          figure(
            '/health probes, p50 / p99 / max ms',
            `${health.length}, ${fmt(percentile(health, 50), 1)} / ${fmt(healthP99, 1)} / ${fmt(max(health), 1)}`,
          ),
          figure('RSS MB at the end', fmt(probe.rssBytes / 1048576)),
        ],
        goals: [
          goal('requests past their deadline', '= 0', late.length, late.length === 0 && requests > 0),
          goal('event-loop delay p99', '≤ 100 ms', `${fmt(eld.p99, 1)} ms`, eld.p99 <= 100),
          goal('/health latency p99', '≤ 200 ms', `${fmt(healthP99, 1)} ms`, healthP99 <= 200),
        ],
      };
    } finally {
      await closeAll(sim, gateway);
    }
  },
};
