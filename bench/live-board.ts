import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createRedisClient, closeRedisClient, whenReady } from '../src/cache/redis-client.js';
import { startSimulator } from '../src/simulator/server.js';
import { coldBoard } from './live/cold-board.js';
import { heldBoard } from './live/held-board.js';

/**
 * `npm run bench:live-board`: the live board's figures (issue 10) under the default configuration: the
 * simulator's 50-member workspace and 60 requests/minute, the gateway's 60/min budget with a reserve
 * of 10 (NODE_ENV=production), Redis shared by the instances.
 *
 * 1. A cold board: the README dashboard, then time until every tracker on it is known.
 * 2. A board held open by 10 subscribers on 2 instances, without and with webhooks: upstream calls per
 *    minute. LIVE_BENCH_HOLD_SECONDS shortens the hold (default 300) for a quick run.
 *
 * Results: printed, and written to bench/results/live-board.json.
 */
const holdSeconds = Number(process.env.LIVE_BENCH_HOLD_SECONDS ?? 300);
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

const redis = createRedisClient(redisUrl);
if (!(await whenReady(redis, 5000))) throw new Error(`live bench: Redis at ${redisUrl} is not answering`);
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, loadavg1mAtStart: loadavg()[0] },
  nodeEnv: process.env.NODE_ENV,
};
for (const [name, run] of [
  ['coldBoard', (sim: Awaited<ReturnType<typeof startSimulator>>) => coldBoard(sim, redis, redisUrl)],
  [
    'heldWithoutWebhooks',
    (sim: Awaited<ReturnType<typeof startSimulator>>) =>
      heldBoard(sim, redis, redisUrl, { webhooks: false, holdSeconds, subscribers: 10 }),
  ],
  [
    'heldWithWebhooks',
    (sim: Awaited<ReturnType<typeof startSimulator>>) =>
      heldBoard(sim, redis, redisUrl, { webhooks: true, holdSeconds, subscribers: 10 }),
  ],
] as const) {
  // A fresh simulator per figure: its own 60/min windows, its own call counts.
  const sim = await startSimulator({ port: 0 });
  results[name] = await run(sim);
  console.log(name, JSON.stringify(results[name]));
  await sim.close();
}
results.loadavg1mAtEnd = loadavg()[0];
await closeRedisClient(redis);
// Relative to the working directory, like the other benches' reports.
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/live-board.json', `${JSON.stringify(results, null, 2)}\n`);
