/**
 * Staleness with webhooks (issue 10 figure): the time from a start or stop made directly at the
 * simulator (outside the gateway) to the gateway's next answer showing it, polled every 5 ms with
 * the answer served from the tracker store (no upstream call). One gateway, in-memory store, the
 * simulator's default 60/min limit (the polling spends none of it).
 *
 * `npm run bench:live-staleness` (NODE_ENV=production). Prints the median, p90 and max of CYCLES starts and
 * stops, and the current-data calls the simulator received meanwhile.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../src/config/config.js';
import { startGateway } from '../src/gateway.js';
import { registerWithToken } from '../src/live/register-for.js';
import { startSimulator } from '../src/simulator/server.js';

const CYCLES = Number(process.env.CYCLES ?? 40);
const USER = 105;

async function main() {
  const sim = await startSimulator({ port: 0 });
  const gateway = await startGateway(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }),
    sim.apiUrl,
  );
  await registerWithToken(gateway.live, 'demo-owner', 1, undefined);
  const query = JSON.stringify({
    query: `{ workspace(workspaceId: 1) { member(userId: ${USER}) { tracker { isRunning source } } } }`,
  });
  const board = async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-owner', 'content-type': 'application/json' },
      body: query,
    });
    const body = (await response.json()) as {
      data: { workspace: { member: { tracker: { isRunning: boolean; source: string } } } };
    };
    return body.data.workspace.member.tracker;
  };
  const simCall = (path: string) =>
    fetch(`${sim.apiUrl}${path}`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-owner', 'content-type': 'application/json' },
      body: JSON.stringify({ workspace_id: 1, user_id: USER }),
    });
  await board(); // the read that fills the store
  await fetch(`${sim.url}/__sim/stats/reset`, { method: 'POST' });
  const samples: number[] = [];
  for (let i = 0; i < CYCLES; i++) {
    const running = i % 2 === 0;
    // Whole-second webhook timestamps: keep events of one member in different seconds.
    await sleep(1000);
    const sent = performance.now();
    await simCall(running ? '/time-tracking/start' : '/time-tracking/stop');
    while ((await board()).isRunning !== running) await sleep(5);
    samples.push(performance.now() - sent);
  }
  const stats = (await (await fetch(`${sim.url}/__sim/stats`)).json()) as { byRoute: Record<string, number> };
  samples.sort((a, b) => a - b);
  const pick = (q: number) =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
  console.log(
    JSON.stringify({
      cycles: CYCLES,
      medianMs: pick(0.5),
      p90Ms: pick(0.9),
      maxMs: samples.at(-1)!.toFixed(1),
      currentDataCalls: stats.byRoute['GET /time-tracking/current-data'] ?? 0,
    }),
  );
  await gateway.close();
  await sim.close();
}

void main();
