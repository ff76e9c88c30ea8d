import { readFileSync } from 'node:fs';
import {
  configureSimulator,
  startStack,
  type GraphQLResponse,
  type Stack,
} from '../support/gateway-harness.js';
import { call } from '../support/sim-client.js';

/** The dashboard query exactly as the README shows it (so the README's claim is what is tested). */
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const README_DASHBOARD = /```graphql\n(query Dashboard[\s\S]*?)```/.exec(README)![1]!;

type Path = (string | number)[];
const MEMBERS: Path = ['workspace', 'members', 'nodes'];
const PROJECTS: Path = ['workspace', 'projects', 'nodes'];

/** `todayMinutes` of a running tracker moves on between two reads; everything else must not. */
const withoutClock = (data: unknown): unknown =>
  JSON.parse(
    JSON.stringify(data, (key, value: unknown) =>
      key === 'todayMinutes' && Number.isInteger(value) ? '<minutes>' : value,
    ),
  );

function nullAt(data: any, path: Path): void {
  const parent = path.slice(0, -1).reduce((node, key) => node[key], data);
  parent[path.at(-1)!] = null;
}

/** Paths of `members.nodes[i].tracker.<field>` where the baseline has a value. */
const trackerFieldPaths = (baseline: any, field: string): Path[] =>
  baseline.workspace.members.nodes.flatMap((m: any, i: number) =>
    m.tracker?.[field] != null ? [[...MEMBERS, i, 'tracker', field]] : [],
  );

const sortedPaths = (paths: Path[]) => paths.map((p) => p.join('.')).sort();

/** Makes every GET of one upstream route fail with a 500 while `run` runs. */
async function withBrokenRoute<T>(stack: Stack, pathPattern: string, run: () => Promise<T>): Promise<T> {
  await configureSimulator(stack.sim, { failRate: 1, faultMethods: ['GET'], faultPathPattern: pathPattern });
  try {
    return await run();
  } finally {
    await configureSimulator(stack.sim, { failRate: 0, faultMethods: [], faultPathPattern: '' });
  }
}

/** Relations the README dashboard does not select, for the same check. */
const RELATIONS = /* GraphQL */ `
  query Relations($ws: Int!, $user: Int!) {
    workspaces {
      workspaceId
    }
    workspace(workspaceId: $ws) {
      name
      contracts(first: 5) {
        totalCount
        nodes {
          contractId
          member {
            userId
          }
          project {
            projectId
          }
        }
      }
      projects(first: 3) {
        nodes {
          projectId
          contracts {
            contractId
            member {
              userId
            }
          }
        }
      }
      member(userId: $user) {
        userId
        tracker {
          isRunning
          task {
            taskId
            project {
              projectId
            }
          }
        }
      }
    }
  }
`;

/** `[...prefix, i, field]` for every item of the list at `prefix` (skipping nulls when `present`). */
const eachOf = (data: any, prefix: Path, field: string, present?: (item: any) => boolean): Path[] =>
  (prefix.reduce((node, key) => node?.[key], data) ?? []).flatMap((item: any, i: number) =>
    !present || present(item) ? [[...prefix, i, field]] : [],
  );

/** `members.nodes[i].contracts[k].project` for every contract of every member. */
const projectsOfMemberContracts = (b: any): Path[] =>
  b.workspace.members.nodes.flatMap((_: unknown, i: number) =>
    eachOf(b, [...MEMBERS, i, 'contracts'], 'project'),
  );

type Case = [name: string, pathPattern: string, dependentPaths: (baseline: any) => Path[]];

describe('one broken upstream route nulls only the fields that depend on it (cache off)', () => {
  let stack: Stack;
  let trackedUser: number;
  const baseline: { dashboard?: any; relations?: any } = {};
  beforeAll(async () => {
    stack = await startStack({ redis: false, env: { CACHE_ENABLED: 'false' } });
    // The seed has running trackers, none on a task: start one, so `tracker.task` is covered too.
    const { state } = stack.sim;
    const contract = [...state.contracts.values()].find(
      (c) =>
        c.workspaceId === 1 &&
        c.status === 'active' &&
        state.membership(1, c.userId)?.status === 'active' &&
        !state.trackers.has(`1:${c.userId}`) &&
        [...state.tasks.values()].some((t) => t.projectId === c.projectId),
    )!;
    const task = [...state.tasks.values()].find((t) => t.projectId === contract.projectId)!;
    const started = await call(stack.sim, 'POST', '/time-tracking/start', {
      body: { workspace_id: 1, user_id: contract.userId, contract_id: contract.id, task_id: task.id },
    });
    expect(started.status).toBe(200);
    trackedUser = contract.userId;

    const dashboard = await stack.gql(README_DASHBOARD, { ws: 1 });
    expect(dashboard.errors).toBeUndefined();
    baseline.dashboard = dashboard.data;
    expect(trackerFieldPaths(dashboard.data, 'task')).toHaveLength(1);
    const relations = await stack.gql(RELATIONS, { ws: 1, user: trackedUser });
    expect(relations.errors).toBeUndefined();
    expect(relations.data.workspace.member.tracker.task.project.projectId).toBe(contract.projectId);
    baseline.relations = relations.data;
  });
  afterAll(() => stack.close());

  /** Runs `query` with one route broken: exactly `expectedNull` are null, each with its own error. */
  async function expectOnlyDependentsNull(
    query: string,
    variables: object,
    before: any,
    expectedNull: Path[],
  ) {
    expect(expectedNull.length).toBeGreaterThan(0);
    const broken: GraphQLResponse<any> = await stack.gql(query, variables as Record<string, unknown>);
    expect(broken.status).toBe(200);
    expect(sortedPaths(broken.errors!.map((e) => e.path!))).toEqual(sortedPaths(expectedNull));
    for (const error of broken.errors!) {
      expect(error.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE' });
      expect(error.message).toMatch(/WebWork/);
      expect(error.message).not.toMatch(/127\.0\.0\.1|api\/v2|stack/);
    }
    const expected = structuredClone(before);
    for (const path of expectedNull) nullAt(expected, path);
    expect(withoutClock(broken.data)).toEqual(withoutClock(expected));
  }

  const dashboardCases: Case[] = [
    [
      'the task lists of projects (GET /tasks)',
      '^/api/v2/tasks$',
      (b) => [...eachOf(b, PROJECTS, 'tasks'), ...trackerFieldPaths(b, 'task')],
    ],
    [
      'the contract list (GET /contracts)',
      '^/api/v2/contracts$',
      (b) => [
        ...eachOf(b, MEMBERS, 'contracts'),
        ...trackerFieldPaths(b, 'contract'),
        // current-data names no project, so a running task's project comes from its contract.
        ...trackerFieldPaths(b, 'task'),
      ],
    ],
    [
      'live trackers (GET /time-tracking/current-data)',
      '^/api/v2/time-tracking/current-data$',
      (b) => eachOf(b, MEMBERS, 'tracker', (m) => m.tracker !== null),
    ],
    [
      'the project list (GET /projects)',
      '^/api/v2/projects$',
      (b) => [
        ['workspace', 'projects'],
        ...projectsOfMemberContracts(b),
        ...b.workspace.members.nodes.flatMap((m: any, i: number) =>
          m.tracker?.contract ? [[...MEMBERS, i, 'tracker', 'contract', 'project']] : [],
        ),
      ],
    ],
    ['the member list (GET /members)', '^/api/v2/members$', () => [['workspace', 'members']]],
  ];

  it.each(dashboardCases)('README dashboard, broken: %s', async (_name, pathPattern, dependentPaths) => {
    await withBrokenRoute(stack, pathPattern, () =>
      expectOnlyDependentsNull(
        README_DASHBOARD,
        { ws: 1 },
        baseline.dashboard,
        dependentPaths(baseline.dashboard),
      ),
    );
  });

  const relationCases: Case[] = [
    [
      'the member list (GET /members)',
      '^/api/v2/members$',
      (b) => [
        ...eachOf(b, ['workspace', 'contracts', 'nodes'], 'member'),
        ...b.workspace.projects.nodes.flatMap((_: unknown, i: number) =>
          eachOf(b, [...PROJECTS, i, 'contracts'], 'member'),
        ),
        ['workspace', 'member'],
      ],
    ],
    [
      'the project list (GET /projects)',
      '^/api/v2/projects$',
      (b) => [
        ['workspace', 'projects'],
        ...eachOf(b, ['workspace', 'contracts', 'nodes'], 'project'),
        ['workspace', 'member', 'tracker', 'task', 'project'],
      ],
    ],
    [
      'the contract list (GET /contracts)',
      '^/api/v2/contracts$',
      (b) => [
        ['workspace', 'contracts'],
        ...eachOf(b, PROJECTS, 'contracts'),
        ['workspace', 'member', 'tracker', 'task'],
      ],
    ],
    ['the workspace list (GET /workspaces)', '^/api/v2/workspaces$', () => [['workspaces'], ['workspace']]],
  ];

  it.each(relationCases)('other relations, broken: %s', async (_name, pathPattern, dependentPaths) => {
    await withBrokenRoute(stack, pathPattern, () =>
      expectOnlyDependentsNull(
        RELATIONS,
        { ws: 1, user: trackedUser },
        baseline.relations,
        dependentPaths(baseline.relations),
      ),
    );
  });
});

describe('30% of upstream GETs failing (cache on): dashboards degrade field by field', () => {
  it('no dashboard loses its workspace unless the workspace call itself failed', async () => {
    // No retries, so the faults reach the resolvers as often as possible.
    const stack = await startStack({ env: { UPSTREAM_RETRIES: '0' } });
    try {
      await configureSimulator(stack.sim, { failRate: 0.3, faultMethods: ['GET'], faultPathPattern: '' });
      const counts = { complete: 0, partial: 0, failed: 0, workspaceNullWithoutItsError: 0 };
      for (let round = 0; round < 5; round++) {
        const answers = await Promise.all(
          Array.from({ length: 8 }, () => stack.gql(README_DASHBOARD, { ws: 1 })),
        );
        for (const answer of answers) {
          expect(answer.status).toBe(200);
          if (answer.data.workspace === null) {
            counts.failed += 1;
            const own = answer.errors?.some(
              (e) => e.path?.join('.') === 'workspace' && e.extensions!.code === 'UPSTREAM_UNAVAILABLE',
            );
            if (!own) counts.workspaceNullWithoutItsError += 1;
          } else if (answer.errors?.length) {
            counts.partial += 1;
            for (const error of answer.errors) {
              expect(error.path![0]).toBe('workspace');
              expect(error.path!.length).toBeGreaterThan(1);
            }
          } else {
            counts.complete += 1;
          }
        }
      }
      expect(counts).toMatchObject({ workspaceNullWithoutItsError: 0 });
      expect(counts.complete + counts.partial + counts.failed).toBe(40);
      // The faults did bite (otherwise this proves nothing), and most dashboards kept their workspace.
      expect(counts.partial).toBeGreaterThan(0);
      expect(counts.failed).toBeLessThan(counts.complete + counts.partial);
    } finally {
      await stack.close();
    }
  });
});
