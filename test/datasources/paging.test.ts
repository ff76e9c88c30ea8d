import { allPages, pageFrom, UPSTREAM_PAGE_SIZE, type UpstreamPage } from '../../src/datasources/paging.js';

/**
 * Lists without a pagination block (REFERENCE §4: projects, tasks, timesheets, time requests,
 * leaves, expenses, viewers under docs-exact) are read until a page is not full. Paging must end,
 * and must neither lose nor repeat items.
 */
const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: from + i }));
const blockless = <T>(data: T[]) => pageFrom({ success: true, data }, (item: T) => item);

describe('paging without a pagination block', () => {
  it('a full page means "maybe more"; a short one ends the list', () => {
    expect(blockless(ids(1, UPSTREAM_PAGE_SIZE))).toMatchObject({ hasMore: true, total: undefined });
    expect(blockless(ids(1, 3))).toMatchObject({ hasMore: false, total: undefined });
  });

  it('reads every page once, in order, and stops at the short page (250 items: 3 calls)', async () => {
    const asked: number[] = [];
    const items = await allPages(async (page) => {
      asked.push(page);
      return blockless(ids((page - 1) * 100 + 1, Math.max(0, Math.min(100, 250 - (page - 1) * 100))));
    });
    expect(asked).toEqual([1, 2, 3]);
    expect(items.map((i) => i.id)).toEqual(ids(1, 250).map((i) => i.id));
  });

  it('exactly 200 items: the empty third page ends it', async () => {
    const asked: number[] = [];
    const items = await allPages(async (page) => {
      asked.push(page);
      return blockless(page <= 2 ? ids((page - 1) * 100 + 1, 100) : []);
    });
    expect(asked).toEqual([1, 2, 3]);
    expect(items).toHaveLength(200);
  });

  it('an API that ignores `page` (always page 1, full) ends after the first repeat, without duplicates', async () => {
    let calls = 0;
    const items = await allPages(async (): Promise<UpstreamPage<{ id: number }>> => {
      calls += 1;
      if (calls > 5) throw new Error('paging did not terminate');
      return blockless(ids(1, 100));
    });
    expect(calls).toBe(2);
    expect(items).toEqual(ids(1, 100));
  });
});
