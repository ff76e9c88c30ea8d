import { call } from '../support/sim-client.js';
import { idleContract, startStack, type Stack } from '../support/gateway-harness.js';
import {
  applied,
  deliver,
  deliveries,
  REGISTER,
  simulatorToken,
  TRACKER,
  waitForApplied,
} from './live-support.js';

/** A gateway on Redis and a simulator delivering real webhooks to it. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { WEBHOOK_MAX_BYTES: '4096' } });
  const registered = await stack.gql(REGISTER, { ws: 1 });
  expect(registered.errors).toBeUndefined();
});
afterAll(() => stack.close());

const delivery = (userId: number, seconds = 0) =>
  JSON.stringify({
    event: 'tracker.stopped',
    workspace_id: 1,
    timestamp: new Date(Date.UTC(2026, 0, 1, 9, 0, seconds)).toISOString(),
    data: { user_id: userId },
  });

describe('the webhook receiver', () => {
  it('a start made at the simulator reaches the store by webhook; the next query shows it without a current-data call', async () => {
    const contract = idleContract(stack.sim);
    const vars = { ws: 1, user: contract.userId };
    // The board has read this member before: idle, cached for the owner.
    expect((await stack.gql(TRACKER, vars)).data.workspace.member.tracker.isRunning).toBe(false);
    const before = await deliveries(stack, 'accepted');
    const started = await call(stack.sim, 'POST', '/time-tracking/start', {
      body: { workspace_id: 1, user_id: contract.userId, contract_id: contract.id },
    });
    expect(started.status).toBe(200);
    await waitForApplied(stack, 1);
    expect(await deliveries(stack, 'accepted')).toBe(before + 1);

    await stack.resetUpstreamStats();
    const tracker = (await stack.gql(TRACKER, vars)).data.workspace.member.tracker;
    expect(tracker).toMatchObject({
      isRunning: true,
      source: 'WEBHOOK',
      pendingSince: null,
      contract: { contractId: contract.id },
    });
    expect(Date.parse(tracker.startedAt)).toBe(Date.parse(started.body.data.start_time));
    expect((await stack.upstreamStats()).byRoute['GET /time-tracking/current-data']).toBeUndefined();

    // The stop, again made outside the gateway, reaches every caller, the manager included.
    await call(stack.sim, 'POST', '/time-tracking/stop', {
      body: { workspace_id: 1, user_id: contract.userId },
    });
    await waitForApplied(stack, 2);
    for (const token of ['demo-owner', 'demo-manager']) {
      expect((await stack.gql(TRACKER, vars, token)).data.workspace.member.tracker).toMatchObject({
        isRunning: false,
        source: 'WEBHOOK',
      });
    }
  });

  it('a member change made at the simulator invalidates every caller’s cached members list', async () => {
    const MEMBER = `query($user: Int!) { workspace(workspaceId: 1) { member(userId: $user) { firstName } } }`;
    const target = [...stack.sim.state.users.values()].find(
      (u) => stack.sim.state.membership(1, u.id)?.role === 'Regular User',
    )!;
    for (const token of ['demo-owner', 'demo-manager'])
      expect((await stack.gql(MEMBER, { user: target.id }, token)).data.workspace.member.firstName).toBe(
        target.firstname,
      );
    const count = await applied(stack);
    const updated = await call(stack.sim, 'PUT', `/members/${target.id}`, {
      body: { workspace_id: 1, firstname: 'Renamed' },
    });
    expect(updated.status).toBe(200);
    await waitForApplied(stack, count + 1);
    for (const token of ['demo-owner', 'demo-manager'])
      expect((await stack.gql(MEMBER, { user: target.id }, token)).data.workspace.member.firstName).toBe(
        'Renamed',
      );
  });

  it('refuses a forged token (401), and a workspace without registration', async () => {
    const before = await deliveries(stack, 'forged');
    const good = simulatorToken(stack, 1);
    const forged = `${good.slice(0, -1)}${good.endsWith('x') ? 'y' : 'x'}`;
    expect((await deliver(stack, delivery(101), { 'x-webwork-webhook-token': forged })).status).toBe(401);
    expect((await deliver(stack, delivery(101))).status).toBe(401);
    const otherWorkspace = delivery(101).replace('"workspace_id":1', '"workspace_id":2');
    expect((await deliver(stack, otherWorkspace, { 'x-webwork-webhook-token': good })).status).toBe(401);
    expect(await deliveries(stack, 'forged')).toBe(before + 3);
  });

  it('refuses a replayed delivery (409), counted', async () => {
    const headers = { 'x-webwork-webhook-token': simulatorToken(stack, 1) };
    const body = delivery(101, 1);
    const before = await deliveries(stack, 'replay');
    expect((await deliver(stack, body, headers)).status).toBe(202);
    expect((await deliver(stack, body, headers)).status).toBe(409);
    expect((await deliver(stack, delivery(101, 2), headers)).status).toBe(202);
    expect(await deliveries(stack, 'replay')).toBe(before + 1);
  });

  it('refuses malformed JSON (400), a bad envelope (400) and an unknown event (422), counted', async () => {
    const headers = { 'x-webwork-webhook-token': simulatorToken(stack, 1) };
    const malformed = await deliveries(stack, 'malformed');
    const unknown = await deliveries(stack, 'unknown_event');
    expect((await deliver(stack, '{"event": "tracker.started",', headers)).status).toBe(400);
    expect((await deliver(stack, '[1, 2]', headers)).status).toBe(400);
    const noUser = JSON.stringify({ ...JSON.parse(delivery(101, 3)), data: {} });
    expect((await deliver(stack, noUser, headers)).status).toBe(400);
    const task = JSON.stringify({ ...JSON.parse(delivery(101, 4)), event: 'task.updated' });
    const answer = await deliver(stack, task, headers);
    expect(answer.status).toBe(422);
    expect(await answer.json()).toEqual({ error: 'Unknown event "task.updated".', reason: 'unknown_event' });
    expect(await deliveries(stack, 'malformed')).toBe(malformed + 3);
    expect(await deliveries(stack, 'unknown_event')).toBe(unknown + 1);
  });

  it('refuses an oversized body (413) without reading it all, counted; the gateway keeps serving', async () => {
    const before = await deliveries(stack, 'oversized');
    const headers = { 'x-webwork-webhook-token': simulatorToken(stack, 1) };
    const big = JSON.stringify({
      ...JSON.parse(delivery(101, 5)),
      data: { user_id: 101, pad: 'x'.repeat(5000) },
    });
    expect((await deliver(stack, big, headers)).status).toBe(413);
    // Declared small (chunked), sent big: stopped at the limit as it streams.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const streamed = await fetch(`${stack.gateway.url}/webhooks/webwork`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await deliveries(stack, 'oversized')).toBe(before + 2);
    expect((await stack.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('answers only POST (405)', async () => {
    expect((await fetch(`${stack.gateway.url}/webhooks/webwork`)).status).toBe(405);
  });
});
