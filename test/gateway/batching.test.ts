import { DASHBOARD_QUERY, startStack, type Stack } from '../support/gateway-harness.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

describe('dashboard query: batching and caching', () => {
  it('cold: one upstream call per list page, per project for tasks, per member for trackers; warm: none', async () => {
    const { state } = stack.sim;
    const members = state.membersOf(1).length;
    const trackable = state.membersOf(1).filter((m) => m.status !== 'left').length;
    const projects = state.projectsOf(1).filter((p) => p.status === 1).length;
    expect(members).toBe(50);

    await stack.resetUpstreamStats();
    const cold = await stack.gql(DASHBOARD_QUERY, { ws: 1 });
    expect(cold.errors).toBeUndefined();
    const ws = cold.data.workspace;
    expect(ws.members.totalCount).toBe(members);
    expect(ws.members.nodes).toHaveLength(members);
    expect(ws.projects.nodes).toHaveLength(projects);

    const coldStats = await stack.upstreamStats();
    expect(coldStats.byRoute).toEqual({
      'GET /workspaces': 1,
      'GET /members': 1,
      'GET /contracts': 1,
      'GET /projects': 1,
      'GET /tasks': projects,
      'GET /time-tracking/current-data': trackable,
    });

    await stack.resetUpstreamStats();
    const warm = await stack.gql(DASHBOARD_QUERY, { ws: 1 });
    expect(warm.data).toEqual(cold.data);
    expect((await stack.upstreamStats()).total).toBe(0);
  });

  it('answers with the upstream data: contracts, projects and trackers match the simulator', async () => {
    const { state } = stack.sim;
    const result = await stack.gql(DASHBOARD_QUERY, { ws: 1 });
    for (const member of result.data.workspace.members.nodes) {
      const expected = [...state.contracts.values()].filter(
        (c) => c.workspaceId === 1 && c.userId === member.userId,
      );
      expect(member.contracts.map((c: any) => c.contractId).sort()).toEqual(expected.map((c) => c.id).sort());
      for (const contract of member.contracts) {
        const project = state.projects.get(contract.project.projectId)!;
        expect(contract.project.name).toBe(project.name);
      }
      const tracker = state.trackers.get(`1:${member.userId}`);
      if (state.membership(1, member.userId)!.status === 'left') {
        expect(member.tracker).toBeNull();
        continue;
      }
      // REFERENCE §10.11: current-data sees only trackers started from the API or the browser,
      // so under docs-exact a tracker running from the desktop app reads as idle.
      const visible =
        tracker && (tracker.source !== 'desktop' || stack.sim.profile.currentDataSeesDesktopTrackers);
      expect(member.tracker.isRunning).toBe(Boolean(visible));
      if (visible) expect(member.tracker.contract?.contractId ?? null).toBe(tracker.contractId);
      else expect(member.tracker.contract).toBeNull();
    }
    // The seed has trackers of both sources (--desktop-tracker-share 0.3), so both branches ran.
    const sources = [...state.trackers.values()].filter((t) => t.workspaceId === 1).map((t) => t.source);
    expect(sources).toContain('desktop');
    expect(sources.some((source) => source !== 'desktop')).toBe(true);
  });

  it('fetches the same object once per operation, however often it is asked for', async () => {
    await stack.resetUpstreamStats();
    const query = `query($ws: Int!) {
      a: workspace(workspaceId: $ws) { member(userId: 101) { email } project(projectId: 1000) { name } }
      b: workspace(workspaceId: $ws) { member(userId: 101) { email } project(projectId: 1000) { name } }
    }`;
    const result = await stack.gql(query, { ws: 1 }, 'demo-manager');
    expect(result.errors).toBeUndefined();
    expect(result.data.a).toEqual(result.data.b);
    const stats = await stack.upstreamStats();
    expect(stats.byRoute['GET /members']).toBe(1);
    expect(stats.byRoute['GET /projects']).toBe(1);
  });

  it('pages a connection with cursors without extra upstream pages', async () => {
    const page = `query($after: String) { workspace(workspaceId: 1) { members(first: 20, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { userId } } } }`;
    const seen: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const result: any = await stack.gql(page, { after });
      const conn = result.data.workspace.members;
      seen.push(...conn.nodes.map((n: any) => n.userId));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    const expected = stack.sim.state.membersOf(1).map((m) => m.userId);
    expect(seen).toEqual(expected);

    const withEdges = await stack.gql(`{ workspace(workspaceId: 1) { members(first: 3) {
      pageInfo { startCursor endCursor } edges { cursor node { userId } } } } }`);
    const conn = withEdges.data.workspace.members;
    expect(conn.edges.map((e: any) => e.node.userId)).toEqual(expected.slice(0, 3));
    expect([conn.edges[0].cursor, conn.edges[2].cursor]).toEqual([
      conn.pageInfo.startCursor,
      conn.pageInfo.endCursor,
    ]);
    const next = await stack.gql(
      `query($after: String) { workspace(workspaceId: 1) { members(first: 1, after: $after) { nodes { userId } } } }`,
      {
        after: conn.edges[1].cursor,
      },
    );
    expect(next.data.workspace.members.nodes[0].userId).toBe(expected[2]);
  });
});
