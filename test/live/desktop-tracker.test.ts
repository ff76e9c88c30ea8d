import { setTimeout as sleep } from 'node:timers/promises';
import { memberKey } from '../../src/simulator/state/store.js';
import { call } from '../support/sim-client.js';
import { idleContract, startStack, type Stack } from '../support/gateway-harness.js';
import { REGISTER, TRACKER, waitForApplied } from './live-support.js';

/**
 * WebWork's current-data "only works when the tracker is running from the API or from the browser"
 * (REFERENCE §10.11): a tracker started in the desktop app reads as idle there, while its
 * `tracker.started` event still arrives. The board must keep showing it running after the stored
 * event is too old to be served without a read (LIVE_TRUST_SECONDS), and the read says idle.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { LIVE_TRUST_SECONDS: '1', CACHE_TTL_TRACKER_SECONDS: '1' } });
  expect((await stack.gql(REGISTER, { ws: 1 })).errors).toBeUndefined();
});
afterAll(() => stack.close());

it('a desktop-app tracker known from its start event stays running when current-data reads it as idle', async () => {
  const contract = idleContract(stack.sim);
  const vars = { ws: 1, user: contract.userId };
  await call(stack.sim, 'POST', '/time-tracking/start', {
    body: { workspace_id: 1, user_id: contract.userId, contract_id: contract.id },
  });
  await waitForApplied(stack, 1);
  // From now on WebWork sees it as the desktop app's: current-data answers idle for it.
  stack.sim.state.trackers.get(memberKey(1, contract.userId))!.source = 'desktop';
  await sleep(2_100); // past LIVE_TRUST_SECONDS and the tracker cache: the next answer reads WebWork

  await stack.resetUpstreamStats();
  const answer = await stack.gql(TRACKER, vars);
  expect(answer.errors).toBeUndefined();
  expect((await stack.upstreamStats()).byRoute['GET /time-tracking/current-data']).toBe(1);
  expect(answer.data.workspace.member.tracker).toMatchObject({ isRunning: true, source: 'WEBHOOK' });

  // Its stop event ends it.
  await call(stack.sim, 'POST', '/time-tracking/stop', {
    body: { workspace_id: 1, user_id: contract.userId },
  });
  await waitForApplied(stack, 2);
  expect((await stack.gql(TRACKER, vars)).data.workspace.member.tracker.isRunning).toBe(false);
});
