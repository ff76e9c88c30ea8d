import { setTimeout as sleep } from 'node:timers/promises';
import { configureSimulator, startStack, type Stack } from '../support/gateway-harness.js';
import { TRACKER } from './live-support.js';

/** WebWork failing on current-data: a stored snapshot beats the error; with none, the error stays. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { CACHE_TTL_TRACKER_SECONDS: '1' } });
});
afterAll(() => stack.close());

it('an outage answers the stored snapshot (any age, its asOf) to a caller who may read it, else the error', async () => {
  const stored = (await stack.gql(TRACKER, { ws: 1, user: 110 }, 'demo-owner')).data.workspace.member.tracker;
  await sleep(1200); // older than the tracker TTL: no longer fresh, so WebWork is asked
  await configureSimulator(stack.sim, { failRate: 1, faultPathPattern: 'current-data' });
  try {
    const served = await stack.gql(TRACKER, { ws: 1, user: 110 }, 'demo-manager');
    expect(served.errors).toBeUndefined();
    expect(served.data.workspace.member.tracker).toMatchObject({
      isRunning: stored.isRunning,
      asOf: stored.asOf,
      source: 'UPSTREAM_READ',
      complete: false,
    });
    const never = await stack.gql(TRACKER, { ws: 1, user: 111 }, 'demo-manager');
    expect(never.data.workspace.member.tracker).toBeNull();
    expect(never.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  } finally {
    await configureSimulator(stack.sim, { failRate: 0, faultPathPattern: '' });
  }
});
