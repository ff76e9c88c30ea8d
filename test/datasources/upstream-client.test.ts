import { UnlimitedRateBudget } from '../../src/budget/unlimited-rate-budget.js';
import { callerScope } from '../../src/cache/keys.js';
import { ReadCollector } from '../../src/cache/read-collector.js';
import type { Caller } from '../../src/datasources/caller.js';
import { UpstreamClient } from '../../src/datasources/upstream-client.js';
import { silentLogger } from '../../src/logging/logger.js';
import { startTestSimulator, type SimulatorHandle } from '../support/sim-client.js';

let sim: SimulatorHandle;
let client: UpstreamClient;
beforeAll(async () => {
  sim = await startTestSimulator();
  client = new UpstreamClient({
    baseUrl: sim.apiUrl,
    timeoutMs: 2000,
    retries: 0,
    budget: new UnlimitedRateBudget(),
    logger: silentLogger,
  });
});
afterAll(() => sim.close());

const callerWithReads = (): Caller => ({
  token: 'demo-owner',
  scope: callerScope('demo-owner'),
  reads: new ReadCollector(),
});

describe('UpstreamClient and whole-response reuse', () => {
  it('a write marks the request as having written, even when WebWork refuses it', async () => {
    const caller = callerWithReads();
    // Nothing runs for this user: WebWork answers 400, but a write was attempted.
    await client
      .send(caller, 'POST', '/time-tracking/stop', { body: { workspace_id: 1, user_id: 999_999 } })
      .catch(() => undefined);
    expect(caller.reads!.wrote).toBe(true);
  });

  it('a read does not', async () => {
    const caller = callerWithReads();
    await client.get(caller, '/workspaces');
    expect(caller.reads!.wrote).toBe(false);
  });
});
