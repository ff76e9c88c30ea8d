import { globalId } from '../../src/schema/global-id.js';
import { startStack, type Stack } from '../support/gateway-harness.js';

// The shared cache off: every request's upstream calls are its own, so counts compare like for like.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { CACHE_ENABLED: 'false', CACHE_RESPONSES_MAX_MB: '0' } });
});
afterAll(() => stack.close());

/** One object of every Node type, with its id, as the graph lists them (owner of workspace 1). */
const EVERY_NODE_TYPE = `query {
  workspace(workspaceId: 1) {
    id
    members(first: 1) { nodes { id tracker { id } } }
    projects(first: 1) { nodes { id tasks(first: 1) { nodes { id } } } }
    contracts(first: 1) { nodes { id } }
    timesheets(first: 1) { nodes { id } }
    timeRequests(first: 1) { nodes { id } }
    leaves(first: 1) { nodes { id } }
    leavePolicies { id }
    expenses(first: 1) { nodes { id } }
    expenseCategories { id }
    projectViewers(first: 1) { nodes { id } }
    webhooks(first: 1) { nodes { id } }
  }
}`;

const REFETCH = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;

async function upstreamCalls(run: () => Promise<unknown>): Promise<number> {
  await stack.resetUpstreamStats();
  await run();
  return (await stack.upstreamStats()).total;
}

/** Ids of the first members of workspace 1, in list order. */
async function memberIds(count: number): Promise<{ userId: number; id: string }[]> {
  const listed = await stack.gql(
    `{ workspace(workspaceId: 1) { members(first: ${count}) { nodes { userId id } } } }`,
  );
  return listed.data.workspace.members.nodes;
}

describe('Query.node and Query.nodes (Relay Global Object Identification)', () => {
  it('refetches an object of every Node type by the id the graph gave it', async () => {
    // The demo data has no webhook: make one.
    const created = await stack.gql(
      `mutation { createWebhook(input: { workspaceId: 1, url: "https://example.com/hook", events: [TRACKER_STARTED] }) { id } }`,
    );
    expect(created.errors).toBeUndefined();
    const listed = await stack.gql(EVERY_NODE_TYPE);
    expect(listed.errors).toBeUndefined();
    const ws = listed.data.workspace;
    const expected: Record<string, string> = {
      Workspace: ws.id,
      Member: ws.members.nodes[0].id,
      TrackerState: ws.members.nodes[0].tracker.id,
      Project: ws.projects.nodes[0].id,
      Task: ws.projects.nodes[0].tasks.nodes[0].id,
      Contract: ws.contracts.nodes[0].id,
      Timesheet: ws.timesheets.nodes[0].id,
      TimeRequest: ws.timeRequests.nodes[0].id,
      Leave: ws.leaves.nodes[0].id,
      LeavePolicy: ws.leavePolicies[0].id,
      Expense: ws.expenses.nodes[0].id,
      ExpenseCategory: ws.expenseCategories[0].id,
      ProjectViewer: ws.projectViewers.nodes[0].id,
      Webhook: ws.webhooks.nodes[0].id,
    };
    const refetched = await stack.gql(REFETCH, { ids: Object.values(expected) });
    expect(refetched.errors).toBeUndefined();
    expect(refetched.data.nodes).toEqual(
      Object.entries(expected).map(([__typename, id]) => ({ __typename, id })),
    );
  });

  it('node(id:) answers the same object, with fields through inline fragments', async () => {
    const [member] = await memberIds(1);
    const answer = await stack.gql(
      `query($id: ID!) { node(id: $id) { id ... on Member { userId fullName } } }`,
      { id: member!.id },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.node).toMatchObject({ id: member!.id, userId: member!.userId });
    expect(answer.data.node.fullName).toEqual(expect.any(String));
  });

  it('nodes over 10 members of one workspace costs what 10 Workspace.member lookups cost', async () => {
    const members = await memberIds(10);
    const lookups = `{ workspace(workspaceId: 1) { ${members
      .map((m, i) => `m${i}: member(userId: ${m.userId}) { id fullName }`)
      .join(' ')} } }`;
    const byLookups = await upstreamCalls(() => stack.gql(lookups));
    const byNodes = await upstreamCalls(async () => {
      const answer = await stack.gql(
        `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Member { fullName } } }`,
        {
          ids: members.map((m) => m.id),
        },
      );
      expect(answer.errors).toBeUndefined();
      expect(answer.data.nodes.map((n: { id: string }) => n.id)).toEqual(members.map((m) => m.id));
    });
    // The workspace list and one page of members, whatever the number of ids.
    expect(byLookups).toBe(2);
    expect(byNodes).toBe(byLookups);
  });

  it('an id that does not exist, or of a workspace the caller is not in, is null with NOT_FOUND at its path', async () => {
    const [member] = await memberIds(1);
    const missing = globalId('Member', 1, 987654);
    const otherWorkspace = globalId('Project', 2, 1);
    const answer = await stack.gql(REFETCH, { ids: [member!.id, missing, otherWorkspace] });
    expect(answer.data.nodes).toEqual([{ __typename: 'Member', id: member!.id }, null, null]);
    expect(answer.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([
      [['nodes', 1], 'NOT_FOUND'],
      [['nodes', 2], 'NOT_FOUND'],
    ]);

    const single = await stack.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: missing });
    expect(single.data).toEqual({ node: null });
    expect(single.errors![0]).toMatchObject({ path: ['node'], extensions: { code: 'NOT_FOUND' } });
  });

  it('an object the caller may not see is NOT_FOUND, like one that does not exist', async () => {
    // demo-owner-2 is the owner of workspace 2 only: workspace 1's members are not theirs to see.
    const [member] = await memberIds(1);
    const answer = await stack.gql(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: member!.id },
      'demo-owner-2',
    );
    expect(answer.data).toEqual({ node: null });
    expect(answer.errors![0]).toMatchObject({ path: ['node'], extensions: { code: 'NOT_FOUND' } });
  });

  it.each([
    ['not base64url', 'not an id!'],
    ['base64url of something else', Buffer.from('hello').toString('base64url')],
    ['an unknown type', globalId('Spaceship', 1, 2)],
    ['a type that is not a Node (TimeEntry ids may be null)', globalId('TimeEntry', 1, 'abc')],
    ['a non-numeric member id', globalId('Member', 1, 'x')],
    ['a workspace id with an extra part', globalId('Workspace', 1, 2)],
    ['a member id without its upstream id', globalId('Member', 1)],
    ['a task id without its project (WebWork reads a task only with it)', globalId('Task', 1, 5)],
    ['a task id with a non-numeric project', globalId('Task', 1, 5, 'x')],
    ['a member id with a part only tasks take', globalId('Member', 1, 101, 1000)],
    ['a stray character in a valid id', `${globalId('Member', 1, 101)}!`],
  ])('%s: BAD_USER_INPUT naming the argument, before any upstream call', async (_name, id) => {
    const calls = await upstreamCalls(async () => {
      const single = await stack.gql(`query($id: ID!) { node(id: $id) { id } }`, { id });
      expect(single.data).toEqual({ node: null });
      expect(single.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
      const many = await stack.gql(`query($ids: [ID!]!) { workspaces { id } nodes(ids: $ids) { id } }`, {
        ids: [id],
      });
      expect(many.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids' });
    });
    expect(calls).toBe(1); // the `workspaces` beside the refused `nodes`, nothing for the ids
  });

  it('refuses more than 100 ids before execution, naming ids and the limit (literal or variable)', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => globalId('Member', 1, i + 1));
    const calls = await upstreamCalls(async () => {
      const byVariable = await stack.gql(REFETCH, { ids });
      expect(byVariable.data).toBeUndefined();
      expect(byVariable.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'ids',
        maximum: 100,
        measured: 101,
      });
      const byLiteral = await stack.gql(`{ nodes(ids: ${JSON.stringify(ids)}) { id } }`);
      expect(byLiteral.data).toBeUndefined();
      expect(byLiteral.errors![0]!.extensions).toMatchObject({ argument: 'ids', measured: 101 });
    });
    expect(calls).toBe(0);
    const hundred = await stack.gql(REFETCH, { ids: ids.slice(0, 100) });
    expect(hundred.data.nodes).toHaveLength(100);
  });

  it("a tracker's id is the same from Member.tracker and from startTracking, so caches merge them", async () => {
    const { state } = stack.sim;
    const contract = [...state.contracts.values()].find(
      (c) =>
        c.workspaceId === 1 &&
        c.status === 'active' &&
        state.membership(1, c.userId)?.status === 'active' &&
        !state.trackers.has(`1:${c.userId}`),
    )!;
    const read = await stack.gql(
      `query($u: Int!) { workspace(workspaceId: 1) { member(userId: $u) { tracker { id } } } }`,
      {
        u: contract.userId,
      },
    );
    const started = await stack.gql(
      `mutation($input: StartTrackingInput!) { startTracking(input: $input) { id isRunning } }`,
      { input: { workspaceId: 1, userId: contract.userId, contractId: contract.id } },
    );
    expect(started.data.startTracking.id).toBe(read.data.workspace.member.tracker.id);
    const refetched = await stack.gql(
      `query($id: ID!) { node(id: $id) { ... on TrackerState { isRunning } } }`,
      {
        id: started.data.startTracking.id,
      },
    );
    expect(refetched.data.node).toEqual({ isRunning: true });
    await stack.gql(`mutation($input: StopTrackingInput!) { stopTracking(input: $input) { id } }`, {
      input: { workspaceId: 1, userId: contract.userId },
    });
  });
});
