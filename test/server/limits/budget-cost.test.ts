import { Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { buildGatewaySchema } from '../../../src/schema/build-schema.js';
import { budgetCost } from '../../../src/server/limits/budget-cost.js';
import { DASHBOARD_QUERY, startStack, type Stack } from '../../support/gateway-harness.js';

/**
 * Issue 10: a query whose estimated upstream cost exceeds what the caller's budget can ever give in
 * one window is refused before execution, naming the estimate and the budget; a 50-member board
 * (trackers degrade to the live store) is not.
 */
const TOO_MANY_TASK_LISTS =
  '{ workspace(workspaceId: 1) { projects(first: 100) { nodes { tasks(first: 5) { totalCount } } } } }';
const BOARD = `query Board { workspace(workspaceId: 1) { members(first: 50) { nodes { fullName
  tracker { isRunning startedAt task { title } contract { project { name } } } contracts { contractId } } } } }`;

describe('the batched estimate against the budget', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGatewaySchema();
  });
  const estimate = (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!;
    return budgetCost(schema, schema.getQueryType()!, operation.selectionSet, {}, variables);
  };

  it('counts the dashboard at 24 calls: trackers 0 (they degrade to the store), contracts one list', () => {
    // workspace 1 + members page 1 + contracts list 1 + projects page 1 + 20 task lists.
    expect(estimate(DASHBOARD_QUERY, { ws: 1 })).toBe(24);
    expect(estimate(BOARD)).toBe(1 + 1 + 1);
  });

  it('counts per-parent calls per parent, and plain lists as one item', () => {
    expect(estimate(TOO_MANY_TASK_LISTS)).toBe(1 + 1 + 100);
    expect(estimate('{ workspaces { members(first: 5) { totalCount } } }')).toBe(1 + 1);
    expect(
      estimate('{ workspaces { name @skip(if: true) members @include(if: false) { totalCount } } }'),
    ).toBe(1);
  });
});

describe('over HTTP, with the default budget of 60 calls per minute', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { UPSTREAM_RATE_LIMIT: '60' } });
  });
  afterAll(() => stack.close());

  it('refuses a query needing more calls than one window holds, before any upstream call', async () => {
    await stack.resetUpstreamStats();
    const response = await stack.gql(TOO_MANY_TASK_LISTS);
    expect(response.data).toBeUndefined();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'budget',
      maximum: 60,
      measured: 102,
    });
    expect(response.errors![0]!.message).toMatch(
      /estimated 102 upstream calls.*budget of 60 calls per minute/,
    );
    expect((await stack.upstreamStats()).total).toBe(0);
  });

  it('runs a 50-member board with its trackers, and the dashboard', async () => {
    for (const [query, variables] of [
      [BOARD, {}],
      [DASHBOARD_QUERY, { ws: 1 }],
    ] as const) {
      const response = await stack.gql(query, variables);
      const codes = (response.errors ?? []).map((e) => e.extensions?.code);
      expect(codes).not.toContain('QUERY_TOO_COMPLEX');
      expect(response.data).toBeDefined();
    }
  });
});

describe('with the budget off (UPSTREAM_RATE_LIMIT=0)', () => {
  it('does not refuse on the budget', async () => {
    const stack = await startStack();
    const response = await stack.gql(TOO_MANY_TASK_LISTS);
    expect(response.errors).toBeUndefined();
    await stack.close();
  });
});
