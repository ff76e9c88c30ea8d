import type { UpstreamPage } from '../datasources/paging.js';
import { UPSTREAM_PAGE_SIZE } from '../datasources/paging.js';
import { badUserInput } from '../errors/gateway-error.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageArgs } from '../schema/inputs/page.args.js';
import type { ConnectionResult } from '../schema/types/connection.js';

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw badUserInput(
      'after',
      'after must be a cursor returned by this API (pageInfo.endCursor or edges.cursor)',
    );
  return Number(match[1]);
}

/** Reads `first`/`after` into an offset window, rejecting bad values with the argument's name. */
export function windowOf(args: PageArgs): { offset: number; limit: number } {
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badUserInput('first', `first must be between 0 and ${MAX_PAGE_SIZE}, got ${limit}`);
  }
  return { offset: args.after ? decodeCursor(args.after) + 1 : 0, limit };
}

/**
 * A Relay connection over an upstream paged list: fetches only the upstream pages (of 100) that
 * cover the requested window, usually one. Cursors are opaque offsets into the list.
 */
export async function connectionFromPages<T>(
  args: PageArgs,
  fetchPage: (page: number) => Promise<UpstreamPage<T>>,
): Promise<ConnectionResult<T>> {
  const { offset, limit } = windowOf(args);
  const firstPage = Math.floor(offset / UPSTREAM_PAGE_SIZE) + 1;
  const lastPage = Math.floor((offset + Math.max(limit, 1) - 1) / UPSTREAM_PAGE_SIZE) + 1;
  const pages = await Promise.all(
    Array.from({ length: lastPage - firstPage + 1 }, (_, i) => fetchPage(firstPage + i)),
  );
  const items = pages.flatMap((p) => p.items);
  const start = offset - (firstPage - 1) * UPSTREAM_PAGE_SIZE;
  const nodes = items.slice(start, start + limit);
  const last = pages[pages.length - 1]!;
  const seen = (firstPage - 1) * UPSTREAM_PAGE_SIZE + items.length;
  const totalCount = pages[0]!.total ?? (last.hasMore ? seen + 1 : seen);
  return connectionFromSlice(
    nodes,
    offset,
    offset + nodes.length < totalCount || (last.hasMore && start + limit >= items.length),
    totalCount,
  );
}

function connectionFromSlice<T>(
  nodes: T[],
  offset: number,
  hasNextPage: boolean,
  totalCount: number,
): ConnectionResult<T> {
  return {
    totalCount,
    nodes,
    // Built only when a query selects `edges`: most clients read `nodes`, and cursors cost a base64 each.
    get edges() {
      return nodes.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
    },
    pageInfo: {
      hasNextPage,
      hasPreviousPage: offset > 0,
      startCursor: nodes.length ? encodeCursor(offset) : null,
      endCursor: nodes.length ? encodeCursor(offset + nodes.length - 1) : null,
    },
  };
}
