import { call } from '../../support/sim-client.js';
import { REGISTER } from '../../live/live-support.js';
import { startStack, type Stack } from '../../support/gateway-harness.js';
import {
  memberEvent,
  memberProbe,
  projectEvent,
  projectProbe,
  trackerEvent,
  trackerProbe,
  untilListening,
} from '../../support/live-events.js';
import { wsClient, type WsClient } from '../../support/ws-client.js';

/**
 * Subscriptions over graphql-ws on /graphql, against a real gateway (HTTP + WebSocket) and the
 * simulator, events published on the gateway's own live bus as the receiver and mutations do.
 */

const TRACKER = `subscription($ws: Int!) { trackerChanged(workspaceId: $ws) {
  id workspaceId userId isRunning activityDescription startedAt member { userId fullName } } }`;
const MEMBERS = `subscription($ws: Int!) { memberChanged(workspaceId: $ws) { event userId member { userId role } } }`;
const MEMBER_NAMES = `subscription($ws: Int!) { memberChanged(workspaceId: $ws) { event member { firstName } } }`;
const PROJECTS = `subscription($ws: Int!) { projectChanged(workspaceId: $ws) { event projectId project { projectId name } } }`;
/** A user of workspace 1 nobody subscribes for: its tracker events tell when a subscription listens. */
const PROBE_USER = 999_001;

let stack: Stack;
const clients: WsClient[] = [];
const open = (token: string | null = 'demo-owner', params?: Record<string, unknown>) => {
  const client = wsClient(stack.gateway.url, token, params);
  clients.push(client);
  return client;
};
const userOf = (token: string) => stack.sim.state.tokens.get(token)!;
const publish = (event: Parameters<Stack['gateway']['live']['bus']['publish']>[0]) =>
  stack.gateway.live.bus.publish(event);
const probe =
  (workspaceId = 1) =>
  () =>
    publish(trackerProbe(workspaceId, PROBE_USER));
const codeOf = (ended: unknown) => (ended as { extensions?: { code?: string } }[])[0]?.extensions?.code;

beforeAll(async () => {
  stack = await startStack({
    env: { SUBSCRIPTIONS_MAX_PER_CONNECTION: '3', SUBSCRIPTIONS_MAX_PER_TOKEN: '5', QUERY_MAX_COST: '20' },
  });
  // With webhooks registered the shared poller leaves these workspaces alone: subscribers receive
  // only the events the tests publish.
  expect((await stack.gql(REGISTER, { ws: 1 })).errors).toBeUndefined();
  expect((await stack.gql(REGISTER, { ws: 2 }, 'demo-owner-2')).errors).toBeUndefined();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(() => stack.close());

describe('trackerChanged', () => {
  it("pushes the workspace's tracker events, the member edge loaded with the subscriber's token", async () => {
    const sub = open().subscribe(TRACKER, { ws: 1 });
    await untilListening(sub, probe());
    const manager = userOf('demo-manager');
    await publish(trackerEvent(1, manager, { activityDescription: 'Design review' }));
    const [result] = await sub.received(1);
    expect(result!.errors).toBeUndefined();
    expect(result!.data.trackerChanged).toMatchObject({
      workspaceId: 1,
      userId: manager,
      isRunning: true,
      activityDescription: 'Design review',
      startedAt: '2026-11-30T09:00:00.000Z',
      member: { userId: manager },
    });
    expect(result!.data.trackerChanged.member.fullName).toEqual(expect.any(String));
  });

  it('a subscriber of another workspace receives nothing', async () => {
    const other = open('demo-owner-2').subscribe(TRACKER, { ws: 2 });
    await untilListening(other, probe(2));
    const mine = open().subscribe(TRACKER, { ws: 1 });
    await untilListening(mine, probe(1));
    await publish(trackerEvent(1, userOf('demo-manager')));
    await mine.received(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(other.results).toEqual([]);
  });

  it('a Regular User receives their own tracker only (WebWork lets only Owners and Executive Managers read others)', async () => {
    const me = userOf('demo-member');
    const sub = open('demo-member').subscribe(TRACKER, { ws: 1 });
    await untilListening(sub, () => publish(trackerProbe(1, me)));
    await publish(trackerEvent(1, userOf('demo-manager')));
    await publish(trackerEvent(1, me, { isRunning: false }));
    const [result] = await sub.received(1);
    expect(result!.data.trackerChanged).toMatchObject({ userId: me, isRunning: false });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sub.results).toHaveLength(1);
  });

  it('a workspace the caller is not in is refused with NOT_FOUND', async () => {
    const sub = open('demo-owner-2').subscribe(TRACKER, { ws: 1 });
    const ended = await sub.ended;
    const errors = [...sub.results.flatMap((r) => r.errors ?? []), ...(Array.isArray(ended) ? ended : [])];
    expect(errors[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(errors[0]!.message).toMatch(/workspace 1/);
  });

  it('a bad workspace id is BAD_USER_INPUT', async () => {
    const sub = open().subscribe(TRACKER, { ws: -1 });
    await sub.ended;
    expect(sub.results[0]!.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('memberChanged and projectChanged', () => {
  it('push member events with the Member edge, and project events with the Project edge', async () => {
    const client = open();
    const members = client.subscribe(MEMBERS, { ws: 1 });
    const projects = client.subscribe(PROJECTS, { ws: 1 });
    const member = userOf('demo-manager');
    const project = [...stack.sim.state.projects.values()].find((p) => p.workspaceId === 1)!;
    await untilListening(members, () => publish(memberProbe(1, member)));
    await untilListening(projects, () => publish(projectProbe(1, project.id)));
    await publish(memberEvent(1, member, 'member.updated'));
    await publish(projectEvent(1, project.id, 'project.updated'));
    const [m] = await members.received(1);
    const [p] = await projects.received(1);
    expect(m!.data.memberChanged).toEqual({
      event: 'member.updated',
      userId: member,
      member: { userId: member, role: 'EXECUTIVE_MANAGER' },
    });
    expect(p!.data.projectChanged).toEqual({
      event: 'project.updated',
      projectId: project.id,
      project: { projectId: project.id, name: project.name },
    });
  });

  it('an event about an object the subscriber cannot load nulls that edge only, with its error', async () => {
    const members = open().subscribe(MEMBERS, { ws: 1 });
    await untilListening(members, () => publish(memberProbe(1, userOf('demo-manager'))));
    await publish(memberEvent(1, 987_654, 'member.removed'));
    const [m] = await members.received(1);
    expect(m!.data.memberChanged).toEqual({ event: 'member.removed', userId: 987_654, member: null });
    expect(m!.errors![0]).toMatchObject({
      path: ['memberChanged', 'member'],
      extensions: { code: 'NOT_FOUND' },
    });
  });
});

describe('connections', () => {
  it('without a token in connection_init, the connection is closed with 4401', async () => {
    const client = open(null);
    expect((await client.closed).code).toBe(4401);
    expect((await client.closed).reason).toMatch(/Authorization/);
  });

  it('with a token WebWork refuses, the connection is closed with 4401', async () => {
    const client = open('not-a-real-token');
    expect((await client.closed).code).toBe(4401);
  });

  it('accepts the lower-case `authorization` key too', async () => {
    const client = open(null, { authorization: 'Bearer demo-owner' });
    const sub = client.subscribe(TRACKER, { ws: 1 });
    await untilListening(sub, probe());
  });

  it('closes a connection whose message is over HTTP_MAX_BODY_BYTES with 1009, unread', async () => {
    const client = open();
    const huge = `subscription { trackerChanged(workspaceId: 1) { userId } } # ${'x'.repeat(200_000)}`;
    void client.subscribe(huge).ended;
    expect((await client.closed).code).toBe(1009);
  });

  it('serves only subscriptions: a query over WebSocket is refused with BAD_REQUEST', async () => {
    const sub = open().subscribe('{ workspaces { workspaceId } }');
    const ended = await sub.ended;
    expect(codeOf(ended)).toBe('BAD_REQUEST');
  });

  it('holds documents to the HTTP limits (depth)', async () => {
    const nested =
      'member { contracts { project { contracts { '.repeat(5) + 'contractId' + ' } } } }'.repeat(5);
    const deep = `subscription { trackerChanged(workspaceId: 1) { ${nested} } }`;
    const ended = await open().subscribe(deep).ended;
    expect(codeOf(ended)).toBe('QUERY_TOO_COMPLEX');
  });

  it('holds documents to the cost limit, per event (QUERY_MAX_COST=20 here)', async () => {
    const costly = `subscription { projectChanged(workspaceId: 1) { project { contracts { member { tracker { isRunning } } } } } }`;
    const ended = await open().subscribe(costly).ended;
    expect(codeOf(ended)).toBe('QUERY_TOO_COMPLEX');
    expect((ended as { extensions: { limit: string } }[])[0]!.extensions.limit).toBe('cost');
  });
});

describe('bounds', () => {
  it('refuses a subscription over SUBSCRIPTIONS_MAX_PER_CONNECTION with TOO_MANY_SUBSCRIPTIONS, and frees the slot when one completes', async () => {
    const client = open();
    const subs = [1, 2, 3].map(() => client.subscribe(TRACKER, { ws: 1 }));
    for (const sub of subs) await untilListening(sub, probe());
    const refused = client.subscribe(TRACKER, { ws: 1 });
    await refused.ended;
    expect(refused.results[0]!.errors![0]).toMatchObject({
      extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: 'connection', maximum: 3 },
    });
    subs[0]!.stop();
    const again = client.subscribe(TRACKER, { ws: 1 });
    await untilListening(again, probe());
  });

  it('refuses a subscription over SUBSCRIPTIONS_MAX_PER_TOKEN across connections', async () => {
    const first = open('demo-manager');
    const second = open('demo-manager');
    const subs = [
      ...[1, 2, 3].map(() => first.subscribe(TRACKER, { ws: 1 })),
      ...[1, 2].map(() => second.subscribe(TRACKER, { ws: 1 })),
    ];
    for (const sub of subs) await untilListening(sub, probe());
    const refused = second.subscribe(TRACKER, { ws: 1 });
    await refused.ended;
    expect(refused.results[0]!.errors![0]).toMatchObject({
      extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: 'token', maximum: 5 },
    });
    // Another token is not affected.
    await untilListening(open('demo-owner').subscribe(TRACKER, { ws: 1 }), probe());
  });
});

describe('metrics', () => {
  it('counts open subscriptions and delivered events', async () => {
    const metric = async (name: string) => {
      const text = await (await fetch(`${stack.gateway.url}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith(`${name}{field="trackerChanged"}`));
      return line ? Number(line.split(' ').pop()) : 0;
    };
    /** The gauge once it reads `value` (closing subscriptions of earlier tests settle asynchronously). */
    const settlesAt = async (value: number) => {
      let active = -1;
      for (let i = 0; i < 100 && active !== value; i++) {
        active = await metric('wwgw_subscriptions_active');
        if (active !== value) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return active;
    };
    expect(await settlesAt(0)).toBe(0);
    const client = open();
    const sub = client.subscribe(TRACKER, { ws: 1 });
    await untilListening(sub, probe());
    expect(await metric('wwgw_subscriptions_active')).toBe(1);
    const delivered = await metric('wwgw_subscription_events_delivered_total');
    await publish(trackerEvent(1, userOf('demo-manager')));
    await sub.received(1);
    expect(await metric('wwgw_subscription_events_delivered_total')).toBe(delivered + 1);
    sub.stop();
    expect(await settlesAt(0)).toBe(0);
  });
});

describe('revocation', () => {
  /** A fresh active Regular User of workspace 1, its token, archived upstream by the test. */
  const victim = () => {
    const special = new Set(['demo-owner', 'demo-manager', 'demo-member'].map((t) => userOf(t)));
    const m = stack.sim.state
      .membersOf(1)
      .find(
        (x) =>
          x.status === 'active' && x.role !== 'Owner' && !special.has(x.userId) && !archived.has(x.userId),
      )!;
    archived.add(m.userId);
    return { userId: m.userId, token: `demo-user-${m.userId}` };
  };
  const archived = new Set<number>();
  const archive = async (userId: number) =>
    expect(
      (await call(stack.sim, 'DELETE', `/members/${userId}`, { query: { workspace_id: 1 } })).status,
    ).toBe(200);

  it('a member event about the subscriber rechecks at once, from a fresh workspace list: archived, the subscription ends with an error', async () => {
    const { userId, token } = victim();
    const sub = open(token).subscribe(TRACKER, { ws: 1 });
    await untilListening(sub, () => publish(trackerProbe(1, userId)));
    await archive(userId);
    await publish(memberEvent(1, userId, 'member.removed'));
    const ended = await Promise.race([sub.ended, new Promise((r) => setTimeout(() => r('timeout'), 5000))]);
    expect(codeOf(ended)).toMatch(/^(NOT_FOUND|FORBIDDEN)$/);
  });

  it('a member event about someone else does not end it', async () => {
    const { userId, token } = victim();
    const sub = open(token).subscribe(TRACKER, { ws: 1 });
    await untilListening(sub, () => publish(trackerProbe(1, userId)));
    await publish(memberEvent(1, userOf('demo-manager'), 'member.updated'));
    await publish(trackerEvent(1, userId, { isRunning: false }));
    await sub.received(1);
  });
});

describe('per-event context', () => {
  it('each event loads its edges afresh: a member renamed between two events shows the new name', async () => {
    const member = userOf('demo-manager');
    const sub = open().subscribe(MEMBER_NAMES, { ws: 1 });
    await untilListening(sub, () => publish(memberProbe(1, member)));
    const rename = async (firstName: string) => {
      const result = await stack.gql(
        `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { firstName } }`,
        { input: { workspaceId: 1, userId: member, firstName } },
      );
      expect(result.data.updateMember.firstName).toBe(firstName);
    };
    await rename('Before');
    await publish(memberEvent(1, member));
    await sub.received(1);
    await rename('After');
    await publish(memberEvent(1, member));
    // The simulator's own member.updated webhooks (registered above) push events too: wait for the
    // first event resolved after the rename, and check no event resolved the old name after it.
    const names = () => sub.results.map((r) => r.data.memberChanged.member.firstName as string);
    const deadline = Date.now() + 5_000;
    while (!names().includes('After') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(names()[0]).toBe('Before');
    expect(names().slice(names().indexOf('After'))).not.toContain('Before');
    expect(names()).toContain('After');
  });
});
