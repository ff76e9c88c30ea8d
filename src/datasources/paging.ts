import type { Envelope, UpstreamPagination } from './upstream-client.js';

/**
 * The page size the gateway asks WebWork for: the documented maximum, so a list costs as few
 * upstream calls (and rate budget) as the API allows. Fixed, so every caller's page N of a list
 * is the same cache entry whatever `first` a client asked for.
 */
export const UPSTREAM_PAGE_SIZE = 100;

export interface UpstreamPage<T> {
  items: T[];
  /** Total items of the list; undefined when the endpoint sends no pagination block. */
  total: number | undefined;
  /** True when a next page exists (from `last_page`, or inferred from a full page). */
  hasMore: boolean;
}

/**
 * Reads one page from an envelope. WebWork's pagination block sits in `meta.pagination` on most
 * lists, at the top level on `GET /contracts`, and is missing on some (GAPS G8): then a full page
 * means "there may be more".
 */
export function pageFrom<T, R>(envelope: Envelope<T[]>, map: (item: T) => R): UpstreamPage<R> {
  const data = Array.isArray(envelope.data) ? envelope.data : [];
  const block: UpstreamPagination | undefined = envelope.meta?.pagination ?? envelope.pagination;
  return {
    items: data.map(map),
    total: block?.total,
    hasMore: block ? block.current_page < block.last_page : data.length >= UPSTREAM_PAGE_SIZE,
  };
}

/**
 * Every item of a list: page 1 first (it tells how many pages exist), then the remaining pages in
 * parallel when the total is known, or one after another when it is not.
 */
export async function allPages<T>(fetchPage: (page: number) => Promise<UpstreamPage<T>>): Promise<T[]> {
  const first = await fetchPage(1);
  if (!first.hasMore) return first.items;
  if (first.total !== undefined) {
    const lastPage = Math.ceil(first.total / UPSTREAM_PAGE_SIZE);
    const rest = await Promise.all(Array.from({ length: lastPage - 1 }, (_, i) => fetchPage(i + 2)));
    return first.items.concat(...rest.map((p) => p.items));
  }
  // Without a pagination block (most lists in REFERENCE §4), pages are read until one is not full.
  // That must end even against an API that ignores `page` and answers page 1 again: a page equal
  // to the one before is that, not new items, so it ends the list instead of repeating forever.
  const items = [...first.items];
  let previous = JSON.stringify(first.items);
  for (let page = 2, more = true; more; page++) {
    const next = await fetchPage(page);
    const seen = JSON.stringify(next.items);
    if (seen === previous) break;
    previous = seen;
    items.push(...next.items);
    more = next.hasMore && next.items.length > 0;
  }
  return items;
}
