import { randomUUID } from 'node:crypto';
import { startStack, type Stack, idleContract } from '../support/gateway-harness.js';

/**
 * Two gateway instances on one Redis and one upstream, as behind a load balancer. Each has its own
 * in-process near cache; a write through one must be visible through the other at once.
 */
describe('two instances sharing Redis', () => {
  let a: Stack;
  let b: Stack;

  beforeAll(async () => {
    const prefix = `test-${randomUUID().slice(0, 8)}`;
    a = await startStack({ env: { CACHE_PREFIX: prefix } });
    b = await startStack({ env: { CACHE_PREFIX: prefix }, simulator: a.sim });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('share cached reads: the second instance answers warm from Redis without upstream calls', async () => {
    const query = '{ workspace(workspaceId: 1) { projects { totalCount nodes { name } } } }';
    const first = await a.gql(query);
    await a.resetUpstreamStats();
    const second = await b.gql(query);
    expect(second.data).toEqual(first.data);
    expect((await a.upstreamStats()).total).toBe(0);
  });

  it('read-your-writes across instances: a start through B is seen at once through A, near cache included', async () => {
    const contract = idleContract(a.sim);
    const read = `{ workspace(workspaceId: 1) { member(userId: ${contract.userId}) { tracker { isRunning } } } }`;
    // Warm A's near cache and Redis with the idle state, twice so the second read is a near-cache hit.
    expect((await a.gql(read)).data.workspace.member.tracker.isRunning).toBe(false);
    await a.resetUpstreamStats();
    expect((await a.gql(read)).data.workspace.member.tracker.isRunning).toBe(false);
    expect((await a.upstreamStats()).total).toBe(0);

    const started = await b.gql(
      `mutation { startTracking(input: { workspaceId: 1, userId: ${contract.userId}, contractId: ${contract.id} }) { isRunning } }`,
    );
    expect(started.data.startTracking.isRunning).toBe(true);
    // The invalidation reaches A over Redis pub/sub; allow it a moment to arrive.
    let seen = false;
    for (let i = 0; i < 20 && !seen; i++) {
      seen = (await a.gql(read)).data.workspace.member.tracker.isRunning;
      if (!seen) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(seen).toBe(true);
    expect((await a.gql(read, {}, 'demo-manager')).data.workspace.member.tracker.isRunning).toBe(true);
  });
});

/**
 * The invalidation bus serves every in-process tier, not only the near cache: with the near cache
 * off, whole-response reuse alone must still hear another instance's writes.
 */
describe('two instances, near cache off, whole-response reuse on', () => {
  let a: Stack;
  let b: Stack;

  beforeAll(async () => {
    const env = { CACHE_PREFIX: `test-${randomUUID().slice(0, 8)}`, CACHE_NEAR_MAX_MB: '0' };
    a = await startStack({ env });
    b = await startStack({ env, simulator: a.sim });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('a start through A is seen at once through B, whose reused response it makes stale', async () => {
    const contract = idleContract(a.sim);
    const read = `{ workspace(workspaceId: 1) { member(userId: ${contract.userId}) { tracker { isRunning } } } }`;
    expect((await b.gql(read)).data.workspace.member.tracker.isRunning).toBe(false);
    const reused = await b.gql(read);
    expect(reused.gatewayCache).toBe('hit');
    expect(reused.data.workspace.member.tracker.isRunning).toBe(false);

    const started = await a.gql(
      `mutation { startTracking(input: { workspaceId: 1, userId: ${contract.userId}, contractId: ${contract.id} }) { isRunning } }`,
    );
    expect(started.data.startTracking.isRunning).toBe(true);
    // Over Redis pub/sub: allow it a moment, far below the tracker TTL (10 s) it would otherwise take.
    let seen = false;
    for (let i = 0; i < 20 && !seen; i++) {
      seen = (await b.gql(read)).data.workspace.member.tracker.isRunning;
      if (!seen) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(seen).toBe(true);
  });
});
