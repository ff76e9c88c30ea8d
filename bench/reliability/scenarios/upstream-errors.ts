import { pool } from '../closed-loop.js';
import { gql } from '../http-client.js';
import { closeAll, startGatewayChild, startSimulatorChild } from '../processes.js';
import { dashboardOutcome, dashboardRequest, type DashboardOutcome } from '../queries.js';
import { figure, goal, type Scenario } from '../scenario.js';
import { fmt, max, percentile } from '../stats.js';

const CALLERS = [
  { token: 'demo-owner', workspaceId: 1 },
  { token: 'demo-manager', workspaceId: 1 },
  { token: 'demo-owner-2', workspaceId: 2 },
];

/**
 * The upstream answers 30% of its GETs with a 500 (writes untouched), the cache on. The README
 * dashboard (ids selected) is asked by three callers in turn, four at a time. Short TTLs (2 s
 * lists and workspaces, 1 s trackers) keep the upstream in the path for the whole run instead of
 * measuring a warm cache; stale serving and the GET retry stay at their defaults.
 */
export const upstreamErrors: Scenario = {
  name: 'upstream-errors',
  goals: ['complete or partial'],
  async run({ quick }) {
    const dashboards = quick ? 20 : 300;
    const sim = await startSimulatorChild();
    const gateway = await startGatewayChild('upstream-errors', sim, {
      CACHE_TTL_WORKSPACES_SECONDS: '2',
      CACHE_TTL_LISTS_SECONDS: '2',
      CACHE_TTL_TRACKER_SECONDS: '1',
      UPSTREAM_TIMEOUT_MS: '2000',
    });
    try {
      await sim.configure({ failRate: 0.3, faultMethods: ['GET'], faultPathPattern: '' });
      const counts: Record<DashboardOutcome, number> = { complete: 0, partial: 0, failed: 0 };
      const errorsPerPartial: number[] = [];
      const latencies: number[] = [];
      await pool(dashboards, 4, async (i) => {
        const caller = CALLERS[i % CALLERS.length]!;
        const answer = await gql(gateway.url, dashboardRequest(caller.workspaceId), caller.token, 30_000);
        const outcome = dashboardOutcome(answer);
        counts[outcome] += 1;
        if (outcome === 'partial') errorsPerPartial.push(answer.json?.errors?.length ?? 0);
        latencies.push(answer.ms);
      });
      const stats = await sim.stats();
      const ok = counts.complete + counts.partial;
      const share = ok / dashboards;
      return {
        setup: `${dashboards} README dashboards (ids selected) by demo-owner, demo-manager, demo-owner-2 in turn, 4 in flight; simulator failRate 0.3 on GETs; cache on (Redis), TTLs 2 s lists/workspaces, 1 s trackers; UPSTREAM_RETRIES 1 (default).`,
        figures: [
          figure('complete dashboards', counts.complete),
          figure('partial (data with errors, workspace non-null)', counts.partial),
          figure('failed (workspace null or no data)', counts.failed),
          figure(
            'errors per partial dashboard, p50 / max',
            `${fmt(percentile(errorsPerPartial, 50))} / ${fmt(max(errorsPerPartial))}`,
          ),
          figure(
            'latency p50 / p99 ms',
            `${fmt(percentile(latencies, 50))} / ${fmt(percentile(latencies, 99))}`,
          ),
          figure('upstream calls (all routes)', stats.total),
        ],
        goals: [
          goal(
            'complete or partial',
            '≥ 99% of dashboards',
            `${fmt(share * 100, 1)}% (${ok}/${dashboards})`,
            share >= 0.99,
          ),
        ],
      };
    } finally {
      await closeAll(sim, gateway);
    }
  },
};
