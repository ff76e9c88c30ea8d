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

  it('last without a total (no pagination block, GAPS G8) walks the pages to find the end', async () => {
    const read: number[] = [];
    const noTotal = async (page: number): Promise<UpstreamPage<number>> => {
      read.push(page);
      const { items } = await pages(230)(page);
      return { items, total: undefined, hasMore: items.length === 100 };
    };
    const tail = await connectionFromPages({ last: 40 }, noTotal);
    expect(tail.nodes).toEqual(Array.from({ length: 40 }, (_, i) => 190 + i));
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(tail.totalCount).toBe(230);
    // Pages 1-3 to find the end; the window (pages 2-3) is read again by this bare fetcher, which
    // the request memo answers without a call in the gateway.
    expect(read.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('last with before counts back from the cursor; first and last together are refused naming last', async () => {
    const all = await connectionFromPages({ first: 100 }, pages(250));
    const back = await connectionFromPages({ last: 5, before: all.edges[50]!.cursor }, pages(250));
    expect(back.nodes).toEqual([45, 46, 47, 48, 49]);
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    await expect(connectionFromPages({ first: 1, last: 1 }, pages(10))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'last' },
    });
    await expect(connectionFromPages({ last: 101 }, pages(10))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'last' },
    });
  });
});
