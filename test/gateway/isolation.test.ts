import { Redis } from 'ioredis';
import { callerScope } from '../../src/cache/keys.js';
import { REDIS_URL, startStack, type Stack } from '../support/gateway-harness.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const MEMBERS =
  '{ workspace(workspaceId: 1) { members(first: 100) { totalCount nodes { userId email rate } } } }';

describe('no cross-user leaks through the shared cache', () => {
  it("a regular user never gets the owner's cached list, in either order", async () => {
    const owner = await stack.gql(MEMBERS, {}, 'demo-owner');
    const member = await stack.gql(MEMBERS, {}, 'demo-member');
    const ownerAgain = await stack.gql(MEMBERS, {}, 'demo-owner');
    const demoMemberId = stack.sim.state.tokens.get('demo-member')!;

    expect(owner.data.workspace.members.totalCount).toBe(50);
    expect(member.data.workspace.members.nodes.map((n: any) => n.userId)).toEqual([demoMemberId]);
    expect(ownerAgain.data).toEqual(owner.data);
  });

  it('rates visible to the owner stay hidden from a member who may not see them', async () => {
    const { state } = stack.sim;
    const hidden = state
      .membersOf(1)
      .find((m) => m.role === 'Regular User' && m.rateStatus === 0 && m.status === 'active')!;
    const token = `demo-user-${hidden.userId}`;
    await stack.gql(MEMBERS, {}, 'demo-owner');
    const own = await stack.gql(MEMBERS, {}, token);
    expect(own.data.workspace.members.nodes).toEqual([
      expect.objectContaining({ userId: hidden.userId, rate: null }),
    ]);
  });

  it("another workspace's owner cannot read workspace 1, even after the owner warmed the cache", async () => {
    await stack.gql(MEMBERS, {}, 'demo-owner');
    await stack.resetUpstreamStats();
    const other = await stack.gql(MEMBERS, {}, 'demo-owner-2');
    expect(other.data.workspace).toBeNull();
    // The other owner's own workspace list was fetched for them, not served from demo-owner's entry.
    expect((await stack.upstreamStats()).byRoute['GET /workspaces']).toBe(1);
  });

  it('the same query by two callers costs one upstream list call per caller (scoped keys)', async () => {
    const query = '{ workspace(workspaceId: 1) { projects { totalCount } } }';
    await stack.resetUpstreamStats();
    await stack.gql(query, {}, 'demo-manager');
    await stack.gql(query, {}, 'demo-manager');
    await stack.gql(query, {}, 'demo-user-105');
    expect((await stack.upstreamStats()).byRoute['GET /projects']).toBe(2);
  });
});

describe('CACHE_KEY_SECRET', () => {
  it('keeps working with HMAC-scoped keys, and two instances with the same secret share entries', async () => {
    const prefix = `test-secret-${Date.now()}`;
    const a = await startStack({ env: { CACHE_KEY_SECRET: 's3cret', CACHE_PREFIX: prefix } });
    const b = await startStack({
      env: { CACHE_KEY_SECRET: 's3cret', CACHE_PREFIX: prefix },
      simulator: a.sim,
    });
    try {
      const query = '{ workspace(workspaceId: 1) { projects { totalCount } } }';
      expect((await a.gql(query)).data.workspace.projects.totalCount).toBe(20);
      await a.resetUpstreamStats();
      expect((await b.gql(query)).data.workspace.projects.totalCount).toBe(20);
      expect((await a.upstreamStats()).total).toBe(0);
      const redis = new Redis(REDIS_URL);
      try {
        const keys = await redis.keys(`${prefix}:*u:*`);
        expect(keys.length).toBeGreaterThan(0);
        expect(keys.every((k) => k.includes(`u:${callerScope('demo-owner', 's3cret').id}:`))).toBe(true);
        expect(keys.some((k) => k.includes(callerScope('demo-owner').id))).toBe(false);
      } finally {
        redis.disconnect();
      }
    } finally {
      await b.close();
      await a.close();
    }
  });
});
