import {
  closeAll,
  startGatewayChild,
  startSimulatorChild,
  uniquePrefix,
  type GatewayChild,
  type SimulatorChild,
} from '../../bench/reliability/processes.js';
import { call } from '../support/sim-client.js';
import { memberEvent, trackerEvent, trackerProbe, untilListening } from '../support/live-events.js';
import { wsClient, type WsClient } from '../support/ws-client.js';

/**
 * Two gateway processes sharing Redis (the built gateway from dist/, as `npm test` builds it), one
 * simulator process delivering real webhooks to instance A (registered through A for both demo
 * workspaces; with webhooks registered the shared poller stays idle, so subscribers receive only
 * what the tests make happen). Subscribers sit on instance B. Some events are published on A's live
 * bus directly (over IPC, exactly as A's receiver and mutations publish), one comes from a tracker
 * started at the simulator, through the webhook to A.
 */
const TRACKER = `subscription($ws: Int!) { trackerChanged(workspaceId: $ws) { workspaceId userId isRunning activityDescription } }`;
const PROBE_USER = 999_002;

let sim: SimulatorChild;
let a: GatewayChild;
let b: GatewayChild;
const clients: WsClient[] = [];
const open = (gateway: GatewayChild, token: string | null) => {
  const client = wsClient(gateway.url, token);
  clients.push(client);
  return client;
};
const probe = (workspaceId: number) => async () =>
  void (await a.publishLive(trackerProbe(workspaceId, PROBE_USER)));

async function gql(gateway: GatewayChild, query: string, token = 'demo-owner') {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data: any; errors?: unknown[] };
}

let members: { userId: number; role: string; status: string }[];

beforeAll(async () => {
  sim = await startSimulatorChild();
  const prefix = uniquePrefix('live');
  a = await startGatewayChild('gateway-a', sim, { CACHE_PREFIX: prefix });
  b = await startGatewayChild('gateway-b', sim, { CACHE_PREFIX: prefix });
  const answer = await gql(
    b,
    '{ workspace(workspaceId: 1) { members(first: 100) { nodes { userId role status } } } }',
  );
  members = answer.data.workspace.members.nodes;
  for (const [ws, token] of [
    [1, 'demo-owner'],
    [2, 'demo-owner-2'],
  ] as const) {
    const registered = await gql(
      a,
      `mutation { registerWebhooks(input: { workspaceId: ${ws} }) { url } }`,
      token,
    );
    expect(registered.errors).toBeUndefined();
  }
}, 60_000);

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

afterAll(async () => {
  await closeAll(sim, a, b);
});

it('an event published on instance A reaches a subscriber on instance B; a subscriber of another workspace receives nothing', async () => {
  const onB = open(b, 'demo-owner').subscribe(TRACKER, { ws: 1 });
  const onA = open(a, 'demo-owner').subscribe(TRACKER, { ws: 1 });
  const otherOnB = open(b, 'demo-owner-2').subscribe(TRACKER, { ws: 2 });
  await untilListening(onB, probe(1));
  await untilListening(onA, probe(1));
  await untilListening(otherOnB, probe(2));

  const target = members.find((m) => m.status === 'ACTIVE' && m.role !== 'OWNER')!.userId;
  await a.publishLive(trackerEvent(1, target, { activityDescription: 'Across instances' }));
  const expected = {
    workspaceId: 1,
    userId: target,
    isRunning: true,
    activityDescription: 'Across instances',
  };
  expect((await onB.received(1))[0]!.data.trackerChanged).toEqual(expected);
  expect((await onA.received(1))[0]!.data.trackerChanged).toEqual(expected);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(otherOnB.results).toEqual([]);
  expect(onB.results).toHaveLength(1); // exactly once
}, 60_000);

it('a tracker started at the simulator reaches a subscriber on B through the webhook delivered to A, and B’s next query shows it', async () => {
  const simulator = { apiUrl: sim.info.apiUrl };
  const sub = open(b, 'demo-owner').subscribe(TRACKER, { ws: 1 });
  await untilListening(sub, probe(1));
  const contracts = await call(simulator, 'GET', '/contracts', {
    query: { workspace_id: 1, per_page: 100 },
  });
  const active = new Set(
    members.filter((m) => m.status === 'ACTIVE' && m.role !== 'OWNER').map((m) => m.userId),
  );
  let contract: { id: number; user_id: number } | undefined;
  type Contract = { id: number; user_id: number; status: string };
  for (const c of (contracts.body.data as Contract[]).filter(
    (c) => c.status === 'active' && active.has(c.user_id),
  )) {
    const current = await call(simulator, 'GET', '/time-tracking/current-data', {
      query: { workspace_id: 1, user_id: c.user_id },
    });
    if (current.status === 200 && !current.body.data?.contract_id) {
      contract = c;
      break;
    }
  }
  expect(contract).toBeDefined();
  const started = await call(simulator, 'POST', '/time-tracking/start', {
    body: { workspace_id: 1, user_id: contract!.user_id, contract_id: contract!.id },
  });
  expect(started.status).toBe(200);

  const pushed = await sub.received(1, 15_000);
  expect(pushed[0]!.data.trackerChanged).toMatchObject({ userId: contract!.user_id, isRunning: true });
  const next = await gql(
    b,
    `{ workspace(workspaceId: 1) { member(userId: ${contract!.user_id}) { tracker { isRunning source } } } }`,
  );
  expect(next.data.workspace.member.tracker).toEqual({ isRunning: true, source: 'WEBHOOK' });
  await call(simulator, 'POST', '/time-tracking/stop', {
    body: { workspace_id: 1, user_id: contract!.user_id },
  });
}, 60_000);

it('a connection without a token is refused by instance B with 4401', async () => {
  expect((await open(b, null).closed).code).toBe(4401);
});

it('a caller archived upstream loses their subscription on B when A publishes the member event about them', async () => {
  const victim = [...members].reverse().find((m) => m.status === 'ACTIVE' && m.role === 'REGULAR_USER')!;
  const sub = open(b, `demo-user-${victim.userId}`).subscribe(TRACKER, { ws: 1 });
  await untilListening(sub, async () => void (await a.publishLive(trackerProbe(1, victim.userId))));
  const archived = await call({ apiUrl: sim.info.apiUrl }, 'DELETE', `/members/${victim.userId}`, {
    query: { workspace_id: 1 },
  });
  expect(archived.status).toBe(200);
  await a.publishLive(memberEvent(1, victim.userId, 'member.removed'));
  const ended = await Promise.race([
    sub.ended,
    new Promise((resolve) => setTimeout(() => resolve('timeout'), 10_000)),
  ]);
  expect((ended as { extensions: { code: string } }[])[0]?.extensions.code).toMatch(
    /^(NOT_FOUND|FORBIDDEN)$/,
  );
}, 30_000);
