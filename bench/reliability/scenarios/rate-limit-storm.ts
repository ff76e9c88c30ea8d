import { closedLoop } from '../closed-loop.js';
import { gql } from '../http-client.js';
import { closeAll, startGatewayChild, startSimulatorChild } from '../processes.js';
import { figure, goal, type Goal, type Scenario } from '../scenario.js';
import { fmt, max } from '../stats.js';

const SIM_LIMIT = 20; // per token per minute at the simulator
const FAN_OUT = 8; // UPSTREAM_CONCURRENCY (default)
const TOKENS = ['demo-owner', 'demo-manager'];
const WORKERS_PER_TOKEN = 2;
const QUERY =
  '{ workspace(workspaceId: 1) { id members(first: 30) { nodes { id tracker { isRunning } } } } }';

/**
 * A 429 storm: the simulator allows 20 requests per token per minute; two tokens, two clients
 * each, ask for 30 members with their trackers (a fan-out of up to 32 upstream calls per query),
 * with the cache off so every query needs the upstream. Run twice, with a fresh simulator each:
 * the gateway's own budget off (UPSTREAM_RATE_LIMIT=0: only upstream 429s stop it) and on (set to
 * the upstream's 20/min). RATE_LIMITED answers must carry retryAfterSeconds, and the upstream calls
 * must stay bounded: at most the upstream's limit plus what was already in flight when the first
 * 429 came (clients × fan-out), per token, within the one-minute window.
 */
export const rateLimitStorm: Scenario = {
  name: 'rate-limit-storm',
  goals: [
    'RATE_LIMITED without retryAfterSeconds (budget off)',
    'upstream calls per token (budget off)',
    'RATE_LIMITED without retryAfterSeconds (budget on)',
    'upstream calls per token (budget on)',
  ],
  async run({ quick }) {
    const seconds = quick ? 2 : 20;
    const bound = SIM_LIMIT + WORKERS_PER_TOKEN * FAN_OUT;
    const figures = [];
    const goals: Goal[] = [];
    for (const mode of ['off', 'on'] as const) {
      const sim = await startSimulatorChild({ rateLimit: SIM_LIMIT });
      const gateway = await startGatewayChild(`rate-limit-${mode}`, sim, {
        CACHE_ENABLED: 'false',
        UPSTREAM_RATE_LIMIT: mode === 'on' ? String(SIM_LIMIT) : '0',
      });
      try {
        await sim.tokenCalls(true);
        let answers = 0;
        let rateLimited = 0;
        let withoutHint = 0;
        let other = 0;
        const hints: number[] = [];
        await closedLoop(TOKENS.length * WORKERS_PER_TOKEN, seconds * 1000, async (worker) => {
          const answer = await gql(gateway.url, { query: QUERY }, TOKENS[worker % TOKENS.length]!, 30_000);
          answers += 1;
          for (const error of answer.json?.errors ?? []) {
            if (error.extensions?.code !== 'RATE_LIMITED') {
              other += 1;
              continue;
            }
            rateLimited += 1;
            const hint = error.extensions?.retryAfterSeconds;
            if (typeof hint === 'number' && hint >= 1) hints.push(hint);
            else withoutHint += 1;
          }
        });
        const calls = await sim.tokenCalls();
        const perToken = TOKENS.map((t) => calls[t]?.total ?? 0);
        const perSecond = TOKENS.flatMap((t) => calls[t]?.perSecond ?? []);
        const worst = max(perToken);
        figures.push(
          figure(`budget ${mode}: client requests`, answers),
          figure(
            `budget ${mode}: RATE_LIMITED errors (with retryAfterSeconds)`,
            `${rateLimited} (${rateLimited - withoutHint})`,
          ),
          figure(
            `budget ${mode}: retryAfterSeconds min / max`,
            `${fmt(Math.min(...hints))} / ${fmt(max(hints))}`,
          ),
          figure(`budget ${mode}: other errors`, other),
          figure(`budget ${mode}: upstream calls per token (${TOKENS.join(', ')})`, perToken.join(', ')),
          figure(
            `budget ${mode}: upstream 429s (calls past the limit)`,
            perToken.map((n) => Math.max(0, n - SIM_LIMIT)).join(', '),
          ),
          figure(`budget ${mode}: most upstream calls in one second, one token`, fmt(max(perSecond))),
        );
        goals.push(
          goal(
            `RATE_LIMITED without retryAfterSeconds (budget ${mode})`,
            '= 0 (and some RATE_LIMITED seen)',
            `${withoutHint} of ${rateLimited}`,
            withoutHint === 0 && rateLimited > 0,
          ),
          goal(
            `upstream calls per token (budget ${mode})`,
            `≤ ${bound} in ${seconds} s (limit ${SIM_LIMIT} + ${WORKERS_PER_TOKEN} clients × fan-out ${FAN_OUT})`,
            worst,
            worst <= bound,
          ),
        );
      } finally {
        await closeAll(sim, gateway);
      }
    }
    return {
      setup: `${seconds} s per mode; simulator rate limit ${SIM_LIMIT}/min per token; ${TOKENS.length} tokens × ${WORKERS_PER_TOKEN} clients in a closed loop, 30 members with trackers per query; cache off; gateway budget off (0) then on (${SIM_LIMIT}/min).`,
      figures,
      goals,
    };
  },
};
