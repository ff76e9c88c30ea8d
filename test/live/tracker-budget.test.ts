import { setTimeout as sleep } from 'node:timers/promises';
import { startStack, type Stack } from '../support/gateway-harness.js';
import { userToken } from '../../src/simulator/state/demo-tokens.js';
import { userIdOf } from '../support/sim-client.js';
import { managerAndVisibleMember, TRACKER } from './live-support.js';

/**
 * When the rate budget refuses a tracker read (RATE_LIMITED before the upstream call), the field
 * is not an error: the store's snapshot with its asOf, or an unknown state (isRunning null,
 * pendingSince). A budget of 4 a minute per token: the workspace list, the member list, and two
 * trackers.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { UPSTREAM_RATE_LIMIT: '4' } });
});
afterAll(() => stack.close());

const BOARD = `query { workspace(workspaceId: 1) { members(first: 8) { nodes { userId
  tracker { isRunning asOf source pendingSince complete } } } } }`;

describe('trackers the budget cannot cover', () => {
  it('answer unknown (isRunning null, pendingSince kept), not RATE_LIMITED', async () => {
    const first = await stack.gql(BOARD, {}, 'demo-owner');
    expect(first.errors).toBeUndefined();
    const nodes = first.data.workspace.members.nodes.filter((n: any) => n.tracker);
    const unknown = nodes.filter((n: any) => n.tracker.isRunning === null);
    expect(nodes.length - unknown.length).toBe(2);
    expect(unknown.length).toBeGreaterThan(3);
    for (const { tracker } of unknown) {
      expect(tracker).toMatchObject({ source: 'UPSTREAM_READ', complete: false });
      expect(Date.parse(tracker.pendingSince)).toBeLessThanOrEqual(Date.parse(tracker.asOf));
    }
    await sleep(20);
    const again = await stack.gql(BOARD, {}, 'demo-owner');
    expect(again.errors).toBeUndefined();
    // pendingSince says when it was first wanted, not when last asked.
    for (const { userId, tracker } of unknown) {
      const now = again.data.workspace.members.nodes.find((n: any) => n.userId === userId).tracker;
      expect(now).toMatchObject({ isRunning: null, pendingSince: tracker.pendingSince });
      expect(Date.parse(now.asOf)).toBeGreaterThan(Date.parse(tracker.asOf));
    }
  });

  it('answers the store’s snapshot with its asOf when the caller may read it there', async () => {
    // demo-manager's own budget: the workspace list, the member list, one tracker.
    const user = (await stack.gql(BOARD, {}, 'demo-owner')).data.workspace.members.nodes.find(
      (n: any) => n.tracker?.isRunning !== null,
    ).userId;
    // Another admin's budget fills the store (the owner's and demo-manager's are spent above).
    const admin = [...stack.sim.state.memberships.values()].find(
      (m) =>
        m.workspaceId === 1 &&
        m.role === 'Executive manager' &&
        m.status === 'active' &&
        m.userId !== userIdOf(stack.sim, 'demo-manager'),
    )!;
    const known = (await stack.gql(TRACKER, { ws: 1, user }, userToken(admin.userId))).data.workspace.member
      .tracker;
    const manager = await stack.gql(BOARD, {}, 'demo-manager');
    expect(manager.errors).toBeUndefined();
    const tracker = manager.data.workspace.members.nodes.find((n: any) => n.userId === user).tracker;
    expect(tracker).toMatchObject({ isRunning: known.isRunning, asOf: known.asOf, pendingSince: null });
  });

  it('never answers a Project manager from the store, even when the budget refuses: unknown instead', async () => {
    const { token, user } = managerAndVisibleMember(stack.sim);
    // Another admin's budget fills the store (the owner's and demo-manager's are spent above).
    const admin = [...stack.sim.state.memberships.values()].find(
      (m) =>
        m.workspaceId === 1 &&
        m.role === 'Executive manager' &&
        m.status === 'active' &&
        m.userId !== userIdOf(stack.sim, 'demo-manager'),
    )!;
    const known = (await stack.gql(TRACKER, { ws: 1, user }, userToken(admin.userId))).data.workspace.member
      .tracker;
    expect(known.isRunning).not.toBeNull();
    // Spend the manager's budget (workspaces, members, trackers), then ask for that member.
    await stack.gql(BOARD, {}, token);
    const answer = await stack.gql(TRACKER, { ws: 1, user }, token);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.workspace.member.tracker).toMatchObject({
      isRunning: null,
      pendingSince: expect.any(String),
    });
  });
});
