import { request as httpRequest } from 'node:http';
import { getIntrospectionQuery } from 'graphql';
import {
  aliasBomb,
  cyclicContracts,
  deepIntrospection,
  deepNesting,
  directiveBomb,
  introspectionBomb,
  longStringArgument,
} from '../support/attack-documents.js';
import { DASHBOARD_QUERY, startStack, type GraphQLResponse, type Stack } from '../support/gateway-harness.js';

const README_EXAMPLE = `{ workspace(workspaceId: 1) { id workspaceId name members(first: 5) { totalCount nodes { id fullName role tracker { id isRunning } } } } }`;

/**
 * One QUERY_TOO_COMPLEX error, no data, naming the limit and the measured value. HTTP 200: the
 * harness asks for `application/json`, where GraphQL over HTTP answers request errors 200
 * (`application/graphql-response+json` gets 400: test/gateway/http-semantics.test.ts).
 */
function expectRefused(result: GraphQLResponse<unknown>, limit: string, maximum: number) {
  expect(result.status).toBe(200);
  expect(result.data).toBeUndefined();
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error!.extensions).toEqual({
    code: 'QUERY_TOO_COMPLEX',
    limit,
    maximum,
    measured: expect.any(Number),
  });
  expect(error!.extensions!.measured).toBeGreaterThan(maximum);
  expect(error!.message).toContain(`${error!.extensions!.measured}, over the limit of ${maximum}`);
  expect(JSON.stringify(result)).not.toMatch(/call stack|stacktrace|at \w+ \(/);
  return error!;
}

describe('bounded work per request (default limits)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ redis: false });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.resetUpstreamStats());
  afterEach(async () => {
    // Every refusal happens before any resolver: nothing reached WebWork.
    if (expect.getState().currentTestName?.includes('refused')) {
      expect((await stack.upstreamStats()).total).toBe(0);
    }
  });

  it('the README dashboard, the README example and the standard introspection query pass', async () => {
    const dashboard = await stack.gql(DASHBOARD_QUERY, { ws: 1 });
    expect(dashboard.errors).toBeUndefined();
    expect(dashboard.data.workspace.members.nodes).toHaveLength(50);
    expect((await stack.gql(README_EXAMPLE)).errors).toBeUndefined();
    const introspection = await stack.gql(getIntrospectionQuery({ descriptions: true }), {}, null);
    expect(introspection.status).toBe(200);
    expect(introspection.errors).toBeUndefined();
  });

  it('cyclic contracts { member { contracts … } } 28 levels: refused on depth', async () => {
    expectRefused(await stack.gql(cyclicContracts(28)), 'depth', 15);
  });

  it('deep introspection (1000 levels), anonymous: refused cheaply', async () => {
    const started = Date.now();
    const error = expectRefused(await stack.gql(deepIntrospection(1000), {}, null), 'tokens', 2000);
    expect(error.message).toMatch(/number of tokens is \d+, over the limit of 2000 \(QUERY_MAX_TOKENS\)/);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('5000-deep nesting and a 21 kB introspection bomb: refused on tokens, never a stack overflow', async () => {
    expectRefused(await stack.gql(deepNesting(5000)), 'tokens', 2000);
    expectRefused(await stack.gql(introspectionBomb(21_000), {}, null), 'tokens', 2000);
  });

  it('introspection within the token limit but too deep: refused on depth', async () => {
    expectRefused(await stack.gql(deepIntrospection(20), {}, null), 'depth', 15);
  });

  it('2000 aliases: refused (tokens); 31 aliases: refused on aliases', async () => {
    expectRefused(await stack.gql(aliasBomb(2000)), 'tokens', 2000);
    const error = expectRefused(await stack.gql(aliasBomb(31)), 'aliases', 30);
    expect(error.extensions!.measured).toBe(31);
  });

  it('21 directives: refused on directives', async () => {
    const error = expectRefused(await stack.gql(directiveBomb(21)), 'directives', 20);
    expect(error.extensions!.measured).toBe(21);
  });

  it('an estimated cost over 1000 upstream reads is refused, with first read from the variables', async () => {
    const perWorkspace = `query($n: Int) { workspaces { members(first: $n) { nodes { tracker { isRunning } } } } }`;
    // 1 + 100 workspaces × (1 page + 20 trackers) = 2101
    const error = expectRefused(await stack.gql(perWorkspace, { n: 20 }), 'cost', 1000);
    expect(error.extensions!.measured).toBe(2101);
    const fanOut = `{ workspace(workspaceId: 1) { members(first: 100) { nodes { contracts { member { tracker { isRunning } } } } } } }`;
    expectRefused(await stack.gql(fanOut), 'cost', 1000);
  });

  it('the same query with first: 5 costs 1 + 100 × (1 + 5) = 601: within the limit, it runs', async () => {
    const perWorkspace = `query($n: Int) { workspaces { members(first: $n) { nodes { tracker { isRunning } } } } }`;
    const result = await stack.gql(perWorkspace, { n: 5 });
    expect(result.status).toBe(200);
    // It ran: workspace 1's trackers are read (demo-owner is a Regular User of workspace 2,
    // where WebWork refuses tracker reads: those are FORBIDDEN on their own paths).
    expect(result.data.workspaces.length).toBeGreaterThan(0);
    expect((await stack.upstreamStats()).byRoute['GET /time-tracking/current-data']).toBeGreaterThan(0);
  });

  it('a string argument over 1000 characters is refused before any upstream call, naming the argument', async () => {
    const { query, variables } = longStringArgument(50_000);
    const viaVariable = await stack.gql(query, variables);
    expect(viaVariable.status).toBe(200); // request error under application/json
    expect(viaVariable.errors).toHaveLength(1);
    expect(viaVariable.errors![0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'email' },
      message: 'email must be at most 1000 characters, got 50000.',
    });
    const literal = await stack.gql(
      `{ workspace(workspaceId: 1) { projects(name: "${'p'.repeat(1001)}") { totalCount } } }`,
    );
    expect(literal.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'name' });
    const nested = await stack.gql(
      `mutation { startTracking(input: { workspaceId: 1, userId: 101, activityDescription: "${'d'.repeat(1001)}" }) { isRunning } }`,
    );
    expect(nested.errors![0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'input.activityDescription',
    });
    expect((await stack.upstreamStats()).total).toBe(0);
  });

  it('a body over HTTP_MAX_BODY_BYTES answers 413 with a JSON GraphQL error, read or not', async () => {
    const response = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-owner' },
      body: JSON.stringify({ query: '{ workspaces { name } }', variables: { pad: 'x'.repeat(200_000) } }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as GraphQLResponse<unknown>;
    expect(body.errors![0]!.extensions).toEqual({
      code: 'BAD_REQUEST',
      limit: 'bodyBytes',
      maximum: 102_400,
      measured: expect.any(Number),
    });
    // Refused from its Content-Length, unread: the measure is exact.
    expect(body.errors![0]!.message).toMatch(
      /^The request body is \d+ bytes, over the limit of 102400 bytes \(HTTP_MAX_BODY_BYTES\)/,
    );
    // Without Content-Length (chunked), the limit is applied while reading.
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(
        `${stack.gateway.url}/graphql`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode!, body }));
        },
      );
      request.on('error', reject);
      for (let i = 0; i < 30; i++) request.write(`${'x'.repeat(8192)}`);
      request.end();
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).errors[0].message).toMatch(
      /at least \d+ bytes, over the limit of 102400/,
    );
    // The gateway still answers on a new connection.
    expect((await stack.gql('{ workspaces { name } }')).status).toBe(200);
  });
});

describe('configured limits and documented per-field string limits', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      redis: false,
      env: { ARGUMENT_MAX_STRING_LENGTH: '5000', QUERY_MAX_DEPTH: '4', QUERY_MAX_COST: '50' },
    });
  });
  afterAll(() => stack.close());

  it('activityDescription keeps its documented 1000-character limit, refused before execution', async () => {
    await stack.resetUpstreamStats();
    const result = await stack.gql(
      'mutation($input: StartTrackingInput!) { startTracking(input: $input) { isRunning } }',
      { input: { workspaceId: 1, userId: 101, contractId: 1, activityDescription: 'x'.repeat(1500) } },
    );
    expect(result.status).toBe(200); // request error under application/json
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toEqual({
      message: 'input.activityDescription must be at most 1000 characters, got 1500.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.activityDescription' },
    });
    expect((await stack.upstreamStats()).total).toBe(0);
  });

  it('QUERY_MAX_DEPTH and QUERY_MAX_COST are read from the environment', async () => {
    expectRefused(await stack.gql(DASHBOARD_QUERY, { ws: 1 }), 'depth', 4);
    expectRefused(
      // 1 + 100 workspaces × 1 page = 101, within depth 4.
      await stack.gql('{ workspaces { members(first: 1) { totalCount } } }'),
      'cost',
      50,
    );
  });
});
