import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { callerScope } from '../../src/cache/keys.js';
import { eventually } from '../cache/redis-test-utils.js';
import { call, type SimulatorHandle } from '../support/sim-client.js';
import { REDIS_URL, startStack, type Stack } from '../support/gateway-harness.js';

/**
 * 401/403 from WebWork are final. A member archived upstream keeps whatever the gateway cached for
 * them only until the first upstream call made for them is refused: that refusal purges their
 * entries (that workspace and their workspace list on a 403, everything on a 401) in every tier and
 * on every instance, so their next read goes upstream and is refused too. Other callers keep theirs.
 */

/** Everything the victim reads of workspace 1, plus the workspace list. */
const LISTS = `{
  workspaces { workspaceId }
  workspace(workspaceId: 1) { name members(first: 100) { totalCount } contracts(first: 100) { totalCount } }
}`;
const trackerOf = (userId: number) =>
  `{ workspace(workspaceId: 1) { member(userId: ${userId}) { tracker { isRunning } } } }`;

const used = new Set<number>();
/**
 * A fresh active, non-owner member of workspace 1 (a different one per call) and their demo token.
 * `readsTrackers`: an Executive manager, since WebWork lets only Owners and Executive Managers read
 * trackers, their own included (REFERENCE §10.11).
 */
function victim(sim: SimulatorHandle, readsTrackers = false): { userId: number; token: string } {
  const special = new Set(['demo-manager', 'demo-member'].map((t) => sim.state.tokens.get(t)));
  const member = sim.state
    .membersOf(1)
    .find(
      (m) =>
        m.status === 'active' &&
        m.role !== 'Owner' &&
        (!readsTrackers || m.role === 'Executive manager') &&
        !special.has(m.userId) &&
        !used.has(m.userId),
    );
  if (!member) throw new Error('no active member left to archive in the seed');
  used.add(member.userId);
  return { userId: member.userId, token: `demo-user-${member.userId}` };
}

async function archive(sim: SimulatorHandle, userId: number): Promise<void> {
  const response = await call(sim, 'DELETE', `/members/${userId}`, { query: { workspace_id: 1 } });
  expect(response.status).toBe(200);
}

const codeOf = (response: { errors?: { extensions?: Record<string, any> }[] }) =>
  response.errors?.[0]?.extensions?.code;

describe.each([
  ['Redis store', true],
  ['memory store', false],
])('revocation through the cached gateway (%s)', (_name, redis) => {
  let stack: Stack;
  let prefix: string;

  beforeAll(async () => {
    prefix = `test-revoke-${Math.random().toString(36).slice(2, 10)}`;
    stack = await startStack({ redis, env: { CACHE_PREFIX: prefix, CACHE_TTL_TRACKER_SECONDS: '1' } });
  });
  afterAll(() => stack.close());

  it('a 403 purges the caller’s entries of that workspace: their next read goes upstream and is refused', async () => {
    const { userId, token } = victim(stack.sim, true);
    const before = await stack.gql(LISTS, {}, token);
    expect(before.data.workspace.members.totalCount).toBeGreaterThan(0);
    expect((await stack.gql(trackerOf(userId), {}, token)).errors).toBeUndefined();
    const owner = await stack.gql(LISTS, {}, 'demo-owner');

    await archive(stack.sim, userId);
    // No upstream call has been made for the victim yet: the gateway cannot know, and answers from cache.
    await stack.resetUpstreamStats();
    expect((await stack.gql(LISTS, {}, token)).data).toEqual(before.data);
    expect((await stack.upstreamStats()).total).toBe(0);

    await sleep(1100); // the tracker entry (TTL 1 s) is now stale: the next tracker read goes upstream
    const refused = await stack.gql(trackerOf(userId), {}, token);
    expect(codeOf(refused)).toBe('FORBIDDEN'); // not the stale tracker (401/403 never fall back to stale)
    const refusedAt = Date.now();

    await stack.resetUpstreamStats();
    const after = await stack.gql(LISTS, {}, token);
    const tookMs = Date.now() - refusedAt;
    expect(after.gatewayCache).toBeNull();
    expect(after.data.workspaces).toEqual([]);
    expect(after.data.workspace).toBeNull();
    expect((await stack.upstreamStats()).byRoute['GET /workspaces']).toBe(1);
    expect(tookMs).toBeLessThan(1000);

    if (redis) {
      const client = new Redis(REDIS_URL);
      try {
        const left = await client.keys(`${prefix}:v1:u:${callerScope(token).id}:*`);
        expect(left.map((key) => key.split(':')[4])).toEqual(['workspaces']); // only the fresh, empty list
      } finally {
        client.disconnect();
      }
    }

    // The owner's entries are untouched: same answer, no upstream call.
    await stack.resetUpstreamStats();
    expect((await stack.gql(LISTS, {}, 'demo-owner')).data).toEqual(owner.data);
    expect((await stack.upstreamStats()).total).toBe(0);
  });

  it('a 403 on a read the caller never made (their role) purges nothing: their lists stay cached', async () => {
    // A Team manager sees their team in the member list but may not read the others' trackers.
    const manager = stack.sim.state
      .membersOf(1)
      .find((m) => m.status === 'active' && m.role === 'Team manager' && !used.has(m.userId))!;
    const token = `demo-user-${manager.userId}`;
    expect((await stack.gql(LISTS, {}, token)).errors).toBeUndefined();

    const board = await stack.gql(
      `{ workspace(workspaceId: 1) { members(first: 100) { nodes { userId tracker { isRunning } } } } }`,
      {},
      token,
    );
    expect(board.errors?.length).toBeGreaterThan(0);
    expect(board.errors!.every((error: any) => error.extensions.code === 'FORBIDDEN')).toBe(true);

    await stack.resetUpstreamStats();
    expect((await stack.gql(LISTS, {}, token)).errors).toBeUndefined();
    expect((await stack.upstreamStats()).total).toBe(0);
  });

  it('a 401 (token no longer accepted) purges everything the caller had, in every workspace', async () => {
    // A second token of the owner of workspace 1, who is also a regular user of workspace 2.
    const token = `revoke-me-${redis}`;
    const owner = stack.sim.state.tokens.get('demo-owner')!;
    stack.sim.state.tokens.set(token, owner);
    const both = `{ one: workspace(workspaceId: 1) { members(first: 100) { totalCount } }
                    two: workspace(workspaceId: 2) { members(first: 100) { totalCount } } }`;
    const before = await stack.gql(both, {}, token);
    expect(before.data.two.members.totalCount).toBeGreaterThan(0);
    await stack.gql(trackerOf(owner), {}, token);
    const ownerBefore = await stack.gql(both, {}, 'demo-owner');
    stack.sim.state.tokens.delete(token);

    await sleep(1100);
    expect(codeOf(await stack.gql(trackerOf(owner), {}, token))).toBe('UNAUTHENTICATED');
    if (redis) {
      // Nothing of this token is left, workspace 2 included, although the refused call named workspace 1.
      const client = new Redis(REDIS_URL);
      try {
        expect(await client.keys(`${prefix}:v1:u:${callerScope(token).id}:*`)).toEqual([]);
      } finally {
        client.disconnect();
      }
    }
    const after = await stack.gql(both, {}, token);
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
    expect(after.gatewayCache).toBeNull();

    // The same user's other token keeps its entries: the purge is per token (scope), not per user.
    await stack.resetUpstreamStats();
    expect((await stack.gql(both, {}, 'demo-owner')).data).toEqual(ownerBefore.data);
    expect((await stack.upstreamStats()).total).toBe(0);
  });
});

describe('revocation by a background (stale-while-revalidate) refresh', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { CACHE_TTL_LISTS_SECONDS: '1' } });
  });
  afterAll(() => stack.close());

  it('a refresh refused with 403 purges too: the stale lists are not served for the whole stale window', async () => {
    const { userId, token } = victim(stack.sim);
    const before = await stack.gql(LISTS, {}, token);
    await archive(stack.sim, userId);
    const archivedAt = Date.now();
    await sleep(1100); // members and contracts are stale now; the workspace list (TTL 300 s) is fresh

    // Served stale once while the background refresh runs; the refused refresh then purges.
    expect((await stack.gql(LISTS, {}, token)).data).toEqual(before.data);
    const revoked = await eventually(
      async () => (await stack.gql(LISTS, {}, token)).data.workspace === null,
      3000,
    );
    expect(revoked).toBe(true);
    expect(Date.now() - archivedAt).toBeLessThan(5000);
  });
});

describe('revocation across two instances sharing Redis', () => {
  let a: Stack;
  let b: Stack;
  beforeAll(async () => {
    const env = {
      CACHE_PREFIX: `test-revoke2-${Math.random().toString(36).slice(2, 10)}`,
      CACHE_TTL_TRACKER_SECONDS: '1',
    };
    a = await startStack({ env });
    b = await startStack({ env, simulator: a.sim });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('a refusal seen by A drops the caller’s entries and reused responses on B too', async () => {
    const { userId, token } = victim(a.sim, true);
    await b.gql(LISTS, {}, token);
    expect((await b.gql(LISTS, {}, token)).gatewayCache).toBe('hit'); // B's whole-response reuse is warm
    await a.gql(trackerOf(userId), {}, token);
    await archive(a.sim, userId);

    await sleep(1100);
    expect(codeOf(await a.gql(trackerOf(userId), {}, token))).toBe('FORBIDDEN');
    const revoked = await eventually(async () => {
      const response = await b.gql(LISTS, {}, token);
      return response.gatewayCache === null && response.data.workspace === null;
    }, 500);
    expect(revoked).toBe(true);
  });
});
