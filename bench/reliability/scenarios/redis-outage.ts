import { closedLoop } from '../closed-loop.js';
import { gql } from '../http-client.js';
import { closeAll, startGatewayChild, startSimulatorChild } from '../processes.js';
import { DEMO_CALLERS } from '../queries.js';
import { startPrivateRedis } from '../redis.js';
import { figure, goal, type Scenario } from '../scenario.js';
import { fmt, max, percentile } from '../stats.js';

const BUDGET_PER_MINUTE = 60;
const QUERY = `query($ws: Int!) { workspace(workspaceId: $ws) { id name
  members(first: 20) { totalCount nodes { id tracker { isRunning } contracts { id } } }
  projects(first: 5) { nodes { id tasks(first: 3) { nodes { id } } } } } }`;

type Phase = 'healthy' | 'outage' | 'recovered';

/**
 * Redis is killed under load and restarted: a private redis-server, the gateway's cache and rate
 * budget on it (60 upstream calls per token per minute), four callers in a closed loop. Tracker
 * entries live 1 s, so the upstream stays in the path and the budget is what bounds it: while Redis
 * is down the calls per token must stay within that budget and latency stays low. The load asks far
 * more than 60 calls a minute, so the budget must refuse some: a request counts as refused when it
 * has no `workspace` and every error is RATE_LIMITED (the budget holding, with its retry hint), and
 * as failed otherwise (an HTTP error, or no data for any other reason, e.g. Redis errors reaching
 * the client). Failed requests must be 0.
 */
export const redisOutage: Scenario = {
  name: 'redis-outage',
  goals: ['failed requests', 'p99 during the outage', 'upstream calls per token during the outage'],
  async run({ quick }) {
    const seconds: Record<Phase, number> = quick
      ? { healthy: 2, outage: 4, recovered: 2 }
      : { healthy: 10, outage: 30, recovered: 10 };
    const redis = await startPrivateRedis();
    const sim = await startSimulatorChild();
    const gateway = await startGatewayChild('redis-outage', sim, {
      REDIS_URL: redis.url,
      UPSTREAM_RATE_LIMIT: String(BUDGET_PER_MINUTE),
      CACHE_TTL_TRACKER_SECONDS: '1',
      UPSTREAM_TIMEOUT_MS: '2000',
    });
    try {
      type Tally = { requests: number; failed: number; refused: number; latencies: number[] };
      const tally = (): Tally => ({ requests: 0, failed: 0, refused: 0, latencies: [] });
      const results: Record<Phase, Tally> = { healthy: tally(), outage: tally(), recovered: tally() };
      const load = (phase: Phase) =>
        closedLoop(DEMO_CALLERS.length, seconds[phase] * 1000, async (worker) => {
          const caller = DEMO_CALLERS[worker]!;
          const answer = await gql(
            gateway.url,
            { query: QUERY, variables: { ws: caller.workspaceId } },
            caller.token,
            15_000,
          );
          const r = results[phase];
          r.requests += 1;
          r.latencies.push(answer.ms);
          if (answer.status === 200 && answer.json?.data?.workspace) return;
          const codes = (answer.json?.errors ?? []).map((e: any) => e?.extensions?.code);
          if (answer.status === 200 && codes.length > 0 && codes.every((c: unknown) => c === 'RATE_LIMITED'))
            r.refused += 1;
          else r.failed += 1;
        });
      await load('healthy');
      await sim.tokenCalls(true);
      await redis.kill();
      await load('outage');
      const outageCalls = await sim.tokenCalls(true);
      await redis.restart();
      await load('recovered');
      const recoveredCalls = await sim.tokenCalls();
      const budget = BUDGET_PER_MINUTE * Math.ceil(seconds.outage / 60);
      const perToken = DEMO_CALLERS.map((c) => outageCalls[c.token]?.total ?? 0);
      const failed = results.healthy.failed + results.outage.failed + results.recovered.failed;
      const p99 = percentile(results.outage.latencies, 99);
      const phaseFigures = (['healthy', 'outage', 'recovered'] as const).map((phase) => {
        const r = results[phase];
        return figure(
          `${phase} (${seconds[phase]} s): requests, refused by the budget, failed, p50 / p99 / max ms`,
          `${r.requests}, ${r.refused}, ${r.failed}, ${fmt(percentile(r.latencies, 50))} / ${fmt(percentile(r.latencies, 99))} / ${fmt(max(r.latencies))}`,
        );
      });
      return {
        setup: `private redis-server killed (SIGKILL) after ${seconds.healthy} s and restarted ${seconds.outage} s later, then ${seconds.recovered} s more; ${DEMO_CALLERS.length} callers (${DEMO_CALLERS.map((c) => c.token).join(', ')}) in a closed loop, 20 members with trackers and contracts + 5 projects with tasks; UPSTREAM_RATE_LIMIT ${BUDGET_PER_MINUTE}, tracker TTL 1 s, other TTLs and in-process tiers at their defaults.`,
        figures: [
          ...phaseFigures,
          figure(
            'upstream calls per token during the outage',
            DEMO_CALLERS.map((c, i) => `${c.token} ${perToken[i]}`).join(', '),
          ),
          figure(
            'upstream calls per token after the restart',
            DEMO_CALLERS.map((c) => `${c.token} ${recoveredCalls[c.token]?.total ?? 0}`).join(', '),
          ),
          figure('budget for the outage, per token', budget),
        ],
        goals: [
          goal('failed requests', '= 0 (RATE_LIMITED refusals excluded)', failed, failed === 0),
          goal('p99 during the outage', '≤ 1000 ms', `${fmt(p99)} ms`, p99 <= 1000),
          goal(
            'upstream calls per token during the outage',
            `≤ ${budget} (${BUDGET_PER_MINUTE}/min budget)`,
            `max ${max(perToken)}`,
            max(perToken) <= budget,
          ),
        ],
      };
    } finally {
      await closeAll(sim, gateway);
      await redis.kill();
    }
  },
};
