import { startStack, type Stack } from '../support/gateway-harness.js';

/**
 * `first` over 100 or negative is refused before execution, naming the argument, the connection and
 * the limit (as GitHub's API does), instead of nulling the parent object at execution.
 */
describe('page sizes checked before execution', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ redis: false });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.resetUpstreamStats());

  it('refuses a literal first: 500, with no data and no upstream call', async () => {
    const result = await stack.gql(
      '{ workspace(workspaceId: 1) { name members(first: 500) { totalCount } } }',
    );
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([
      {
        message:
          'Requesting 500 records on the `members` connection exceeds the `first` limit of 100 records. Ask for at most 100 and page with `after`.',
        extensions: { code: 'BAD_USER_INPUT', argument: 'first', maximum: 100, measured: 500 },
      },
    ]);
    expect((await stack.upstreamStats()).total).toBe(0);
  });

  it('refuses a negative first', async () => {
    const result = await stack.gql('{ workspace(workspaceId: 1) { projects(first: -1) { totalCount } } }');
    expect(result.data).toBeUndefined();
    expect(result.errors![0]!.message).toBe(
      '`first` on the `projects` connection must be between 0 and 100, got -1.',
    );
    expect(result.errors![0]!.extensions).toMatchObject({ argument: 'first', measured: -1 });
  });

  it('refuses first from a variable, given or by default, before any upstream call', async () => {
    const query =
      'query($n: Int) { workspace(workspaceId: 1) { name projects(first: $n) { nodes { tasks(first: 5) { totalCount } } } } }';
    const given = await stack.gql(query, { n: 101 });
    expect(given.data).toBeUndefined();
    expect(given.errors![0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'first',
      maximum: 100,
      measured: 101,
    });
    const byDefault = await stack.gql(
      'query($n: Int = 1000) { workspace(workspaceId: 1) { members(first: $n) { totalCount } } }',
    );
    expect(byDefault.errors![0]!.extensions).toMatchObject({ argument: 'first', measured: 1000 });
    expect((await stack.upstreamStats()).total).toBe(0);
  });

  it('runs first: 100 and first: 0', async () => {
    const result = await stack.gql(
      '{ workspace(workspaceId: 1) { members(first: 100) { totalCount } projects(first: 0) { nodes { name } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.workspace.projects.nodes).toEqual([]);
  });
});
