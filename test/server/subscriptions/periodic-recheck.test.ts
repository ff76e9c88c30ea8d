import { call } from '../../support/sim-client.js';
import { startStack, type Stack } from '../../support/gateway-harness.js';
import { trackerProbe, untilListening } from '../../support/live-events.js';
import { wsClient, type WsClient } from '../../support/ws-client.js';

/**
 * Without any event about them, a subscriber archived upstream loses the subscription at the next
 * periodic recheck once their cached workspace list has expired (here: both at 1 s).
 */
let stack: Stack;
let client: WsClient | undefined;

beforeAll(async () => {
  stack = await startStack({ env: { SUBSCRIPTION_RECHECK_SECONDS: '1', CACHE_TTL_WORKSPACES_SECONDS: '1' } });
});
afterAll(async () => {
  await client?.dispose();
  await stack.close();
});

it('the periodic recheck ends the subscription of a caller archived upstream, with an error', async () => {
  const special = new Set(
    ['demo-owner', 'demo-manager', 'demo-member'].map((t) => stack.sim.state.tokens.get(t)),
  );
  const victim = stack.sim.state
    .membersOf(1)
    .find((m) => m.status === 'active' && m.role !== 'Owner' && !special.has(m.userId))!;
  client = wsClient(stack.gateway.url, `demo-user-${victim.userId}`);
  const sub = client.subscribe(
    'subscription { trackerChanged(workspaceId: 1) { userId isRunning activityDescription } }',
  );
  await untilListening(sub, () => stack.gateway.live.bus.publish(trackerProbe(1, victim.userId)));

  const archived = await call(stack.sim, 'DELETE', `/members/${victim.userId}`, {
    query: { workspace_id: 1 },
  });
  expect(archived.status).toBe(200);
  // Recheck period + the cache TTL, with a wide margin for a loaded machine.
  const ended = await Promise.race([
    sub.ended,
    new Promise((resolve) => setTimeout(() => resolve('timeout'), 15_000)),
  ]);
  expect((ended as { extensions: { code: string } }[])[0]?.extensions.code).toMatch(
    /^(NOT_FOUND|FORBIDDEN)$/,
  );
});
