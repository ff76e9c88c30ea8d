import type { ChildProcess } from 'node:child_process';
import { eventually, freePort, killRedisServer, startRedisServer } from '../cache/redis-test-utils.js';
import { DASHBOARD_QUERY, startStack, type Stack, idleContract } from '../support/gateway-harness.js';

/**
 * Redis is killed under the gateway (a private redis-server, so the shared one other test files
 * use is untouched): answers stay correct, served from the upstream, and the cache comes back on
 * its own when Redis does. The in-process tiers (near cache, whole responses) are off here, so every read really depends on
 * Redis (with it on, warm reads would not even notice the outage).
 */
describe('Redis outage', () => {
  let redis: ChildProcess;
  let port: number;
  let stack: Stack;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedisServer(port);
    stack = await startStack({
      env: { REDIS_URL: `redis://127.0.0.1:${port}`, CACHE_NEAR_MAX_MB: '0', CACHE_RESPONSES_MAX_MB: '0' },
    });
  });
  afterAll(async () => {
    await stack.close();
    await killRedisServer(redis);
  });

  it('serves correct answers while Redis is down and caches again once it is back', async () => {
    const healthy = await stack.gql(DASHBOARD_QUERY, { ws: 1 });
    expect(healthy.errors).toBeUndefined();
    await stack.resetUpstreamStats();
    expect((await stack.gql(DASHBOARD_QUERY, { ws: 1 })).data).toEqual(healthy.data);
    expect((await stack.upstreamStats()).total).toBe(0);

    await killRedisServer(redis);
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const during = await stack.gql(DASHBOARD_QUERY, { ws: 1 });
      expect(during.errors).toBeUndefined();
      expect(during.data).toEqual(healthy.data);
      expect(Date.now() - started).toBeLessThan(5000);
    }
    await stack.resetUpstreamStats();
    await stack.gql(DASHBOARD_QUERY, { ws: 1 });
    expect((await stack.upstreamStats()).total).toBeGreaterThan(0);

    redis = await startRedisServer(port);
    const recovered = await eventually(async () => {
      await stack.gql(DASHBOARD_QUERY, { ws: 1 });
      await stack.resetUpstreamStats();
      const again = await stack.gql(DASHBOARD_QUERY, { ws: 1 });
      return again.errors === undefined && (await stack.upstreamStats()).total === 0;
    }, 15_000);
    expect(recovered).toBe(true);
  });

  it('mutations still invalidate correctly after the outage (read-your-writes)', async () => {
    const contract = idleContract(stack.sim);
    const read = `{ workspace(workspaceId: 1) { member(userId: ${contract.userId}) { tracker { isRunning } } } }`;
    expect((await stack.gql(read)).data.workspace.member.tracker.isRunning).toBe(false);
    await stack.gql(
      `mutation { startTracking(input: { workspaceId: 1, userId: ${contract.userId}, contractId: ${contract.id} }) { isRunning } }`,
    );
    expect((await stack.gql(read, {}, 'demo-manager')).data.workspace.member.tracker.isRunning).toBe(true);
    expect((await stack.gql(read)).data.workspace.member.tracker.isRunning).toBe(true);
  });
});
