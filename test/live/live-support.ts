import { setTimeout as sleep } from 'node:timers/promises';
import type { Stack } from '../support/gateway-harness.js';
import { userToken } from '../../src/simulator/state/demo-tokens.js';
import { scrape } from '../support/metrics.js';
import type { SimulatorHandle } from '../support/sim-client.js';

export const REGISTER = `mutation($ws: Int!) { registerWebhooks(input: { workspaceId: $ws }) {
  workspaceId url events webhookIds registeredAt } }`;

export const TRACKER = `query($ws: Int!, $user: Int!) { workspace(workspaceId: $ws) { member(userId: $user) {
  tracker { isRunning asOf source pendingSince complete startedAt contract { contractId } } } } }`;

/** `wwgw_webhook_deliveries_total` of one outcome. */
export async function deliveries(stack: Stack, outcome: string): Promise<number> {
  return (await scrape(stack.gateway.url)).value('wwgw_webhook_deliveries_total', { outcome });
}

export async function applied(stack: Stack): Promise<number> {
  return (await scrape(stack.gateway.url)).value('wwgw_webhook_events_applied_total', { result: 'ok' });
}

/**
 * Waits (up to 15 s: a loaded machine) until `count` events have been applied in all; the
 * simulator delivers after answering, and the receiver applies after its 202.
 */
export async function waitForApplied(stack: Stack, count: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((await applied(stack)) < count) {
    if (Date.now() > deadline) throw new Error(`only ${await applied(stack)} of ${count} events applied`);
    await sleep(25);
  }
}

/** POSTs a raw delivery to the gateway's receiver. */
export function deliver(
  stack: Stack,
  body: string | Buffer,
  headers: Record<string, string> = {},
  path = '/webhooks/webwork',
): Promise<Response> {
  return fetch(`${stack.gateway.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

/** The token the simulator issued for the gateway's webhook of a workspace (test-side only). */
export function simulatorToken(stack: Stack, workspaceId: number): string {
  const hook = [...stack.sim.state.webhooks.values()].find(
    (w) => w.workspaceId === workspaceId && w.url.startsWith(stack.gateway.url),
  );
  if (!hook) throw new Error(`no webhook registered for workspace ${workspaceId}`);
  return hook.token;
}

/** An active Project manager of workspace 1 and another active member they can see. */
export function managerAndVisibleMember(sim: SimulatorHandle) {
  const { state } = sim;
  const contracts = state.contractsOf(1);
  for (const pm of [...state.memberships.values()].filter((m) => m.workspaceId === 1)) {
    if (pm.role !== 'Project manager' || pm.status !== 'active') continue;
    const projects = new Set(contracts.filter((c) => c.userId === pm.userId).map((c) => c.projectId));
    const other = contracts.find(
      (c) =>
        projects.has(c.projectId) &&
        c.userId !== pm.userId &&
        state.membership(1, c.userId)?.status === 'active',
    );
    if (other) return { token: userToken(pm.userId), user: other.userId };
  }
  throw new Error('no project manager with a visible member in the seed');
}
