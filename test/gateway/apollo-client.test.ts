import { readFileSync } from 'node:fs';
import { ApolloClient, HttpLink, InMemoryCache, gql, type TypedDocumentNode } from '@apollo/client';
import { globalId } from '../../src/schema/global-id.js';
import { startStack, type Stack } from '../support/gateway-harness.js';

/** The dashboard exactly as the README shows it: what a new Apollo Client user copies. */
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const README_DASHBOARD = /```graphql\n(query Dashboard[\s\S]*?)```/.exec(README)![1]!;

/** The README's startTracking selection, with variables instead of literals. */
const START = gql`
  mutation Start($input: StartTrackingInput!) {
    startTracking(input: $input) {
      id
      isRunning
      complete
      startedAt
      contract {
        id
        project {
          id
          name
        }
      }
    }
  }
`;
const STOP = gql`
  mutation Stop($input: StopTrackingInput!) {
    stopTracking(input: $input) {
      id
      isRunning
      startedAt
    }
  }
`;

interface Tracker {
  isRunning: boolean | null;
  startedAt: string | null;
  contract: { project: { name: string } | null } | null;
}
interface Dashboard {
  workspace: { members: { nodes: { id: string; fullName: string; tracker: Tracker | null }[] } };
}

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

/** An Apollo Client over HTTP (Node's fetch) that counts the requests it sends. */
function apolloClient() {
  const sent: string[] = [];
  const client = new ApolloClient({
    cache: new InMemoryCache(),
    link: new HttpLink({
      uri: `${stack.gateway.url}/graphql`,
      headers: { authorization: 'Bearer demo-owner' },
      fetch: (input, init) => {
        sent.push(JSON.parse(String(init?.body)).operationName);
        return fetch(input, init);
      },
    }),
  });
  return { client, sent };
}

/** A member the loaded dashboard shows idle, with an active contract to start on. */
function idleMember(dashboard: Dashboard) {
  const { state } = stack.sim;
  const shown = dashboard.workspace.members.nodes;
  const contract = [...state.contracts.values()].find(
    (c) =>
      c.workspaceId === 1 &&
      c.status === 'active' &&
      state.membership(1, c.userId)?.status === 'active' &&
      shown.some((m) => m.id === globalId('Member', 1, c.userId) && m.tracker?.isRunning === false),
  )!;
  const index = shown.findIndex((m) => m.id === globalId('Member', 1, contract.userId));
  return { userId: contract.userId, contractId: contract.id, projectId: contract.projectId, index };
}

describe("Apollo Client's normalised cache (InMemoryCache) against the gateway", () => {
  const DASHBOARD: TypedDocumentNode<Dashboard, { ws: number }> = gql(README_DASHBOARD);

  it('startTracking and stopTracking update the README dashboard already loaded, without a refetch', async () => {
    const { client, sent } = apolloClient();
    const loaded = await client.query({ query: DASHBOARD, variables: { ws: 1 } });
    const target = idleMember(loaded.data!);
    const member = (data: Dashboard | undefined) => data!.workspace.members.nodes[target.index]!;
    expect(member(loaded.data).tracker).toMatchObject({ isRunning: false });

    const started = await client.mutate({
      mutation: START,
      variables: { input: { workspaceId: 1, userId: target.userId, contractId: target.contractId } },
    });
    expect(started.data).toMatchObject({ startTracking: { isRunning: true, complete: true } });

    await stack.resetUpstreamStats();
    const cached = await client.query({ query: DASHBOARD, variables: { ws: 1 }, fetchPolicy: 'cache-only' });
    const tracker = member(cached.data).tracker!;
    expect(tracker.isRunning).toBe(true);
    expect(tracker.startedAt).toEqual(expect.any(String));
    expect(tracker.contract!.project!.name).toBe(state().projects.get(target.projectId)!.name);
    // Two requests (the dashboard, the mutation) and not one upstream call since the mutation.
    expect(sent).toEqual(['Dashboard', 'Start']);
    expect((await stack.upstreamStats()).total).toBe(0);

    await client.mutate({ mutation: STOP, variables: { input: { workspaceId: 1, userId: target.userId } } });
    const afterStop = await client.query({
      query: DASHBOARD,
      variables: { ws: 1 },
      fetchPolicy: 'cache-only',
    });
    expect(member(afterStop.data).tracker).toMatchObject({ isRunning: false, startedAt: null });
    expect(sent).toEqual(['Dashboard', 'Start', 'Stop']);
  });

  it('without ids (the README before), the same start leaves the dashboard showing the tracker idle', async () => {
    // Strips every `id` selection: Apollo then keeps each tracker inside its member, and the
    // mutation's TrackerState (normalised by id) is a different cache entry.
    const withoutIds = gql(README_DASHBOARD.replace(/^\s+id\n/gm, '')) as TypedDocumentNode<
      Dashboard,
      { ws: number }
    >;
    const { client } = apolloClient();
    const target = idleMember((await stack.gql<Dashboard>(README_DASHBOARD, { ws: 1 })).data!);
    await client.query({ query: withoutIds, variables: { ws: 1 } });
    await client.mutate({
      mutation: START,
      variables: { input: { workspaceId: 1, userId: target.userId, contractId: target.contractId } },
    });
    const cached = await client.query({ query: withoutIds, variables: { ws: 1 }, fetchPolicy: 'cache-only' });
    expect(cached.data!.workspace.members.nodes[target.index]!.tracker!.isRunning).toBe(false);
    await client.mutate({ mutation: STOP, variables: { input: { workspaceId: 1, userId: target.userId } } });
  });
});

const state = () => stack.sim.state;
