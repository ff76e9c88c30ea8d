import { setTimeout as sleep } from 'node:timers/promises';
import { closedLoop } from '../closed-loop.js';
import { gql } from '../http-client.js';
import { closeAll, startGatewayChild, startSimulatorChild } from '../processes.js';
import { Prng } from '../prng.js';
import { dashboardRequest } from '../queries.js';
import { figure, goal, type Scenario } from '../scenario.js';
import { fmt, max, mb, percentile, slope } from '../stats.js';

/** What the in-process tiers may hold at their default bounds, plus headroom (MB). */
const IN_PROCESS_BOUND_MB = 64 + 32 + 32;

const BAD_QUERIES = [
  '{ workspace(workspaceId: 1) { name ',
  '{ workspace(workspaceId: 1) { nope } }',
  '{ workspace(workspaceId: "one") { name } }',
  '{ workspace(workspaceId: 1) { members(first: 1000) { totalCount } } }',
  '{ workspace(workspaceId: 1) { members(after: "not-a-cursor") { totalCount } } }',
  'mutation { stopTracking(input: { workspaceId: 1, userId: -5 }) { isRunning } }',
];

/**
 * Mixed load for several minutes (default 3; --soak-seconds): README dashboards by three callers,
 * start/stop tracking mutations, and bad queries (syntax, unknown fields, bad arguments), with the
 * gateway's RSS (/proc) and event-loop delay (perf_hooks, over IPC) sampled every 10 s (2 s in quick
 * mode). The first sample is taken after a warm-up; the slope is fitted over all samples and over
 * the second half. RSS may grow while the in-process caches fill up to their bounds, so the goal is
 * that bound, not zero growth; the slopes show whether it levels off.
 */
export const soak: Scenario = {
  name: 'soak',
  goals: ['RSS bounded', 'event-loop delay p99 (median sample)', '5xx or crashes'],
  async run({ quick, soakSeconds, seed }) {
    const seconds = quick ? 6 : soakSeconds;
    const every = quick ? 2 : 10;
    const warmupSeconds = quick ? 3 : 15;
    const random = new Prng(seed).fork(11);
    const sim = await startSimulatorChild();
    const gateway = await startGatewayChild('soak', sim, { UPSTREAM_TIMEOUT_MS: '2000' });
    try {
      const targets = await sim.call<{ userId: number; contractId: number; token: string }[]>(
        'trackingTargets',
        {
          workspaceId: 1,
          count: 3,
        },
      );
      const callers = [
        { token: 'demo-owner', workspaceId: 1 },
        { token: 'demo-manager', workspaceId: 1 },
        { token: 'demo-owner-2', workspaceId: 2 },
      ];
      const counts = { dashboards: 0, mutations: 0, bad: 0, serverErrors: 0 };
      const samples: { t: number; rssMb: number; eldP99: number; eldMax: number }[] = [];
      let running = true;
      const started = performance.now();
      const sample = async () => {
        const memory = gateway.memory();
        const probe = await gateway.probe(true).catch(() => undefined);
        if (memory && probe) {
          samples.push({
            t: (performance.now() - started) / 1000,
            rssMb: mb(memory.rssBytes),
            eldP99: probe.eventLoopDelayMs.p99,
            eldMax: probe.eventLoopDelayMs.max,
          });
        }
      };
      // After the warm-up: a first RSS sample (its delay figures cover the warm-up, so they are
      // dropped), then one sample per interval, each with the delay measured over that interval.
      const sampler = (async () => {
        await sleep(warmupSeconds * 1000);
        await sample();
        if (samples[0]) Object.assign(samples[0], { eldP99: NaN, eldMax: NaN });
        while (running && gateway.alive()) {
          await sleep(every * 1000);
          if (running) await sample();
        }
      })();
      const trackerOn = new Map<number, boolean>();
      await closedLoop(4, (warmupSeconds + seconds) * 1000, async (worker, i) => {
        let answer;
        if (worker < 2) {
          const caller = callers[(worker + i) % callers.length]!;
          answer = await gql(gateway.url, dashboardRequest(caller.workspaceId), caller.token, 15_000);
          counts.dashboards += 1;
        } else if (worker === 2) {
          const target = targets[i % targets.length]!;
          const on = trackerOn.get(target.userId) ?? false;
          const input = {
            workspaceId: 1,
            userId: target.userId,
            ...(on ? {} : { contractId: target.contractId }),
          };
          answer = await gql(
            gateway.url,
            {
              query: on
                ? 'mutation($i: StopTrackingInput!) { stopTracking(input: $i) { isRunning } }'
                : 'mutation($i: StartTrackingInput!) { startTracking(input: $i) { isRunning } }',
              variables: { i: input },
            },
            target.token,
            15_000,
          );
          trackerOn.set(target.userId, !on);
          counts.mutations += 1;
          await sleep(100);
        } else {
          answer = await gql(
            gateway.url,
            { query: random.pick(BAD_QUERIES) },
            random.pick(['demo-owner', 'nope', 'demo-member']),
          );
          counts.bad += 1;
        }
        if (answer.status >= 500 || answer.status === 0) counts.serverErrors += 1;
      });
      running = false;
      await sampler;
      const crashed = !gateway.alive();
      const rss = samples.map((s) => s.rssMb);
      const perMinute = slope(
        samples.map((s) => s.t / 60),
        rss,
      );
      const growth = rss.length >= 2 ? max(rss) - rss[0]! : NaN;
      const secondHalf = samples.slice(Math.floor(samples.length / 2));
      const lateSlope = slope(
        secondHalf.map((s) => s.t / 60),
        secondHalf.map((s) => s.rssMb),
      );
      const delays = samples.slice(1);
      const worstEld = max(delays.map((s) => s.eldP99));
      const medianEld = percentile(
        delays.map((s) => s.eldP99),
        50,
      );
      const bad = counts.serverErrors + (crashed ? 1 : 0);
      return {
        setup: `${seconds} s after a ${warmupSeconds} s warm-up, 4 clients: 2 asking README dashboards (demo-owner, demo-manager, demo-owner-2), 1 starting/stopping 3 members' trackers, 1 sending bad queries with good, bad and member tokens; samples every ${every} s; cache on (Redis), default TTLs.`,
        figures: [
          figure(
            'requests: dashboards / mutations / bad queries',
            `${counts.dashboards} / ${counts.mutations} / ${counts.bad}`,
          ),
          figure('samples', samples.length),
          figure(
            'RSS MB first / last / max',
            `${fmt(rss[0] ?? NaN)} / ${fmt(rss.at(-1) ?? NaN)} / ${fmt(max(rss))}`,
          ),
          figure(
            'RSS slope, MB per minute (all samples / second half)',
            `${fmt(perMinute, 2)} / ${fmt(lateSlope, 2)}`,
          ),
          figure(
            'event-loop delay p99 per sample, first / last / max ms',
            `${fmt(delays[0]?.eldP99 ?? NaN, 1)} / ${fmt(delays.at(-1)?.eldP99 ?? NaN, 1)} / ${fmt(worstEld, 1)}`,
          ),
          figure('event-loop delay max, ms', fmt(max(delays.map((s) => s.eldMax)), 1)),
          figure('5xx or no answer', counts.serverErrors),
        ],
        goals: [
          goal(
            'RSS bounded',
            `max − first sample ≤ ${IN_PROCESS_BOUND_MB} MB (near cache 64 + whole responses 32 + 32 headroom)`,
            `${fmt(growth, 1)} MB`,
            growth <= IN_PROCESS_BOUND_MB,
          ),
          goal(
            'event-loop delay p99 (median sample)',
            '≤ 100 ms',
            `${fmt(medianEld, 1)} ms (worst sample ${fmt(worstEld, 1)} ms)`,
            medianEld <= 100,
          ),
          goal('5xx or crashes', '= 0', bad, bad === 0),
        ],
      };
    } finally {
      await closeAll(sim, gateway);
    }
  },
};
