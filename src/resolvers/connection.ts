import type { UpstreamPage } from '../datasources/paging.js';
import { UPSTREAM_PAGE_SIZE } from '../datasources/paging.js';
import { badUserInput } from '../errors/gateway-error.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageArgs } from '../schema/inputs/page.args.js';
import type { ConnectionResult } from '../schema/types/connection.js';

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function decodeCursor(argument: 'after' | 'before', cursor: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    const from = argument === 'after' ? 'pageInfo.endCursor' : 'pageInfo.startCursor';
    throw badUserInput(
      argument,
      `${argument} must be a cursor returned by this API (${from} or edges.cursor)`,
    );
  }
  return Number(match[1]);
}

function pageSize(argument: 'first' | 'last', value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw badUserInput(argument, `${argument} must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`);
  }
  return value;
}

/**
 * The arguments read and checked (names in every error): `after`/`before` as offsets bounding the
 * list (Relay's "apply cursors to edges"), then `first` or `last` counted from the matching end.
 */
function boundsOf(args: PageArgs) {
  if (args.first != null && args.last != null) {
    throw badUserInput(
      'last',
      'first and last cannot be given together: page forward with first/after or backward with last/before',
    );
  }
  return {
    lower: args.after != null ? decodeCursor('after', args.after) + 1 : 0,
    upper: args.before != null ? decodeCursor('before', args.before) : undefined,
    last: args.last != null ? pageSize('last', args.last) : undefined,
    first: args.last != null ? undefined : pageSize('first', args.first ?? DEFAULT_PAGE_SIZE),
  };
}

/** Reads `first`/`after` into an offset window, rejecting bad values with the argument's name. */
export function windowOf(args: PageArgs): { offset: number; limit: number } {
  const { lower, upper, first } = boundsOf(args);
  const limit = first ?? DEFAULT_PAGE_SIZE;
  return { offset: lower, limit: upper === undefined ? limit : Math.max(0, Math.min(limit, upper - lower)) };
}

/**
 * The length of a list, for `last` (counted from its end): page 1 tells it when WebWork sends a
 * pagination block; otherwise (GAPS G8) the pages are walked until one is not full. Pages go
 * through `fetchPage`, so those the window then needs are not read twice.
 */
async function lengthOf<T>(fetchPage: (page: number) => Promise<UpstreamPage<T>>): Promise<number> {
  const first = await fetchPage(1);
  if (first.total !== undefined) return first.total;
  let length = first.items.length;
  for (let page = 2, more = first.hasMore; more; page++) {
    const next = await fetchPage(page);
    length += next.items.length;
    more = next.hasMore && next.items.length > 0;
  }
  return length;
}

/**
 * A Relay connection over an upstream paged list: fetches only the upstream pages (of 100) that
 * cover the requested window, usually one (`last` also reads page 1, or walks the pages when their
 * total is unknown, to find the end). Cursors are opaque offsets into the list, valid both ways.
 */
export async function connectionFromPages<T>(
  args: PageArgs,
  fetchPage: (page: number) => Promise<UpstreamPage<T>>,
): Promise<ConnectionResult<T>> {
  const bounds = boundsOf(args);
  let { offset, limit } = windowOf({ ...args, last: null });
  if (bounds.last !== undefined) {
    const length = await lengthOf(fetchPage);
    const upper = Math.min(bounds.upper ?? length, length);
    offset = Math.max(bounds.lower, upper - bounds.last);
    limit = Math.max(0, upper - offset);
  }
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

/**
 * `hasPreviousPage`: items exist before the window (anywhere in the list, as after a `last` or
 * an `after`); `hasNextPage`: items exist after it. Relay's spec lets a server answer true in
 * both directions when it can tell cheaply; offsets always can.
 */
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
