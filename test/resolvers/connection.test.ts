import 'reflect-metadata';
import { connectionFromPages } from '../../src/resolvers/connection.js';
import type { UpstreamPage } from '../../src/datasources/paging.js';

/** A list of `total` numbers served in upstream pages of 100, with a pagination block. */
const pages =
  (total: number) =>
  async (page: number): Promise<UpstreamPage<number>> => {
    const items = Array.from(
      { length: Math.max(0, Math.min(100, total - (page - 1) * 100)) },
      (_, i) => (page - 1) * 100 + i,
    );
    return { items, total, hasMore: page * 100 < total };
  };

describe('connectionFromPages', () => {
  it('the first window has no previous page; a window after a cursor has one', async () => {
    const first = await connectionFromPages({ first: 10 }, pages(250));
    expect(first.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    const second = await connectionFromPages({ first: 10, after: first.pageInfo.endCursor }, pages(250));
    expect(second.nodes[0]).toBe(10);
    expect(second.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('the last window has no next page and counts the whole list', async () => {
    const start = await connectionFromPages({ first: 100 }, pages(250));
    const last = await connectionFromPages({ first: 100, after: start.edges[99]!.cursor }, pages(150));
    expect(last.nodes).toHaveLength(50);
    expect(last.totalCount).toBe(150);
    expect(last.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
  });
});
