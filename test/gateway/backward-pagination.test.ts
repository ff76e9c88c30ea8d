import { startStack, type Stack } from '../support/gateway-harness.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
  workspace(workspaceId: 1) {
    members(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
      edges { cursor node { userId } }
    }
  }
}`;

interface Page {
  totalCount: number;
  pageInfo: {
    hasPreviousPage: boolean;
    hasNextPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: { cursor: string; node: { userId: number } }[];
}

async function page(variables: Record<string, unknown>): Promise<Page> {
  const answer = await stack.gql(PAGE, variables);
  expect(answer.errors).toBeUndefined();
  return answer.data.workspace.members;
}

const ids = (p: Page) => p.edges.map((e) => e.node.userId);

describe('connections page backward with last/before (Relay cursor connections)', () => {
  it('walking backward from the end meets every item walking forward met, with correct page info', async () => {
    const forward: number[] = [];
    let next: Page = await page({ first: 7 });
    const total = next.totalCount;
    expect(total).toBeGreaterThan(14); // several pages each way
    for (;;) {
      forward.push(...ids(next));
      expect(next.pageInfo.hasPreviousPage).toBe(forward.length > next.edges.length);
      if (!next.pageInfo.hasNextPage) break;
      next = await page({ first: 7, after: next.pageInfo.endCursor });
    }
    expect(forward).toHaveLength(total);

    const backward: number[][] = [];
    let previous: Page = await page({ last: 7 });
    expect(previous.pageInfo.hasNextPage).toBe(false); // the end of the list
    for (;;) {
      backward.unshift(ids(previous));
      const seen = backward.flat().length;
      expect(previous.pageInfo.hasPreviousPage).toBe(seen < total);
      expect(previous.pageInfo.hasNextPage).toBe(seen > previous.edges.length);
      if (!previous.pageInfo.hasPreviousPage) break;
      previous = await page({ last: 7, before: previous.pageInfo.startCursor });
    }
    expect(backward.flat()).toEqual(forward);
    // The first backward window is the list's tail, whatever is left at the start is the last one.
    expect(backward[0]).toHaveLength(total % 7 || 7);
  });

  it('cursors round-trip both ways: after a backward page goes forward, before a forward page goes back', async () => {
    const all = ids(await page({ first: 100 }));
    const middle = await page({ first: 5, after: (await page({ first: 10 })).pageInfo.endCursor });
    expect(ids(middle)).toEqual(all.slice(10, 15));

    const back = await page({ last: 4, before: middle.pageInfo.startCursor });
    expect(ids(back)).toEqual(all.slice(6, 10));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });

    const forwardAgain = await page({ first: 3, after: back.pageInfo.endCursor });
    expect(ids(forwardAgain)).toEqual(all.slice(10, 13));

    const betweenCursors = await page({
      last: 100,
      after: back.edges[0]!.cursor,
      before: forwardAgain.edges[2]!.cursor,
    });
    expect(ids(betweenCursors)).toEqual(all.slice(7, 12));

    const atTheStart = await page({ last: 10, before: back.pageInfo.startCursor });
    expect(ids(atTheStart)).toEqual(all.slice(0, 6));
    expect(atTheStart.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it('last: 0 answers no items, with the list still counted', async () => {
    const empty = await page({ last: 0 });
    expect(empty.edges).toEqual([]);
    expect(empty.totalCount).toBeGreaterThan(0);
    expect(empty.pageInfo).toMatchObject({ startCursor: null, endCursor: null });
  });

  it.each([
    ['literals', `{ workspace(workspaceId: 1) { members(first: 2, last: 2) { totalCount } } }`, {}],
    ['variables', PAGE, { first: 2, last: 2 }],
  ])(
    'first and last together (%s): BAD_USER_INPUT naming last, before any upstream call',
    async (_how, query, variables) => {
      await stack.resetUpstreamStats();
      const answer = await stack.gql(query, variables);
      expect(answer.data).toBeUndefined();
      expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'last' });
      expect(answer.errors![0]!.message).toMatch(/`first` and `last`/);
      expect((await stack.upstreamStats()).total).toBe(0);
    },
  );

  it.each([
    ['literal', `{ workspace(workspaceId: 1) { members(last: 101) { totalCount } } }`, {}],
    ['variable', PAGE, { last: 101 }],
  ])(
    'last over 100 (%s): BAD_USER_INPUT naming last and the limit, before execution',
    async (_how, query, variables) => {
      await stack.resetUpstreamStats();
      const answer = await stack.gql(query, variables);
      expect(answer.data).toBeUndefined();
      expect(answer.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'last',
        maximum: 100,
        measured: 101,
      });
      expect((await stack.upstreamStats()).total).toBe(0);
    },
  );

  it('a before that is not a cursor of this API is BAD_USER_INPUT naming before', async () => {
    const answer = await stack.gql(PAGE, { last: 2, before: 'bm90LWEtY3Vyc29y' });
    expect(answer.data.workspace.members).toBeNull();
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'before' });
  });

  it('first and last both null is the default forward page (what Relay clients send for one direction)', async () => {
    const answer = await page({ first: null, last: null, before: null });
    expect(answer.edges).toHaveLength(Math.min(20, answer.totalCount));
  });
});
