import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { LiveEvent } from '../src/live/live-event.js';
import {
  closeAll,
  startGatewayChild,
  startSimulatorChild,
  uniquePrefix,
  type GatewayChild,
} from './reliability/processes.js';
import { fmt, max, percentile } from './reliability/stats.js';

/**
 * `npm run bench:live-latency`: event → subscriber latency of `trackerChanged`, on the same instance and
 * across instances. One simulator and two gateway processes sharing Redis (NODE_ENV=production);
 * a subscriber on each; LIVE_EVENTS tracker events (default 300, one every LIVE_GAP_MS = 20 ms)
 * published on instance A's live bus over IPC, as its receiver and mutations publish. The latency
 * of an event is the subscriber's receive time minus A's time just before the publish (both wall
 * clocks of this machine, sub-ms): it covers the bus (Redis pub/sub for B), the access filter,
 * GraphQL execution of the payload and the WebSocket.
 */
const EVENTS = Number(process.env.LIVE_EVENTS ?? 300);
const GAP_MS = Number(process.env.LIVE_GAP_MS ?? 20);
const WARMUP = 20;
const now = () => performance.timeOrigin + performance.now();

function subscriber(gateway: GatewayChild, received: Map<number, number>): Client {
  const client = createClient({
    url: `${gateway.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: { Authorization: 'Bearer demo-owner' },
  });
  client.subscribe<{ trackerChanged: { activityDescription: string } }>(
    { query: 'subscription { trackerChanged(workspaceId: 1) { userId activityDescription } }' },
    {
      next: (result) => {
        const seq = Number(result.data?.trackerChanged.activityDescription.replace('seq:', ''));
        if (!received.has(seq)) received.set(seq, now());
      },
      error: (error) => console.error('subscription failed', error),
      complete: () => undefined,
    },
  );
  return client;
}

const event = (seq: number): LiveEvent => ({
  kind: 'tracker',
  workspaceId: 1,
  userId: 2,
  event: 'tracker.started',
  tracker: {
    workspaceId: 1,
    userId: 2,
    isRunning: true,
    activityDescription: `seq:${seq}`,
    startedAt: null,
    projectId: null,
    taskId: null,
    asOf: new Date().toISOString(),
    source: 'WEBHOOK',
  },
});

async function main() {
  const sim = await startSimulatorChild();
  const prefix = uniquePrefix('live-latency');
  const a = await startGatewayChild('gateway-a', sim, { CACHE_PREFIX: prefix });
  const b = await startGatewayChild('gateway-b', sim, { CACHE_PREFIX: prefix });
  const onA = new Map<number, number>();
  const onB = new Map<number, number>();
  const clients = [subscriber(a, onA), subscriber(b, onB)];
  try {
    // Both subscriptions listen once a probe (a negative sequence number) reached each.
    const probed = (received: Map<number, number>) => [...received.keys()].some((seq) => seq < 0);
    for (let probe = -1; !probed(onA) || !probed(onB); probe--) {
      if (probe < -500) throw new Error('the subscriptions never opened');
      await a.publishLive(event(probe));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const published = new Map<number, number>();
    for (let seq = 0; seq < WARMUP + EVENTS; seq++) {
      published.set(seq, await a.publishLive(event(seq)));
      await new Promise((resolve) => setTimeout(resolve, GAP_MS));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const latencies = (received: Map<number, number>) =>
      [...published]
        .filter(([seq]) => seq >= WARMUP && received.has(seq))
        .map(([seq, at]) => received.get(seq)! - at);
    const rows = [
      ['same instance (A → subscriber on A)', latencies(onA)],
      ['across instances (A → Redis → subscriber on B)', latencies(onB)],
    ] as const;
    console.log(`event → subscriber latency, ${EVENTS} events one every ${GAP_MS} ms (ms)`);
    console.log('| path | received | p50 | p99 | max |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const [name, values] of rows) {
      console.log(
        `| ${name} | ${values.length}/${EVENTS} | ${fmt(percentile(values, 50), 1)} | ${fmt(percentile(values, 99), 1)} | ${fmt(max(values), 1)} |`,
      );
    }
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    await closeAll(sim, a, b);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
