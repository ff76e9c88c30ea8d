import { unprocessable } from './api-error.js';
import type { Pagination } from './envelope.js';
import { optionalInt } from './params.js';

export interface PageRules {
  defaultPerPage: number;
  maxPerPage: number;
}

/** The common rule: per_page 1..100, default 20. Exceptions pass their own rules. */
export const standardPage: PageRules = { defaultPerPage: 20, maxPerPage: 100 };

/**
 * Slices one page out of `items`. Assumptions (GAPS G8): `per_page` above the maximum is a 422
 * (not silently clamped, so a client learns the real limit); a page past the end is an empty `data`
 * with truthful pagination numbers.
 */
export function paginate<T>(
  items: readonly T[],
  query: Record<string, unknown>,
  rules: PageRules = standardPage,
): { data: T[]; pagination: Pagination } {
  const page = optionalInt(query, 'page', { min: 1 }) ?? 1;
  const perPage = optionalInt(query, 'per_page', { min: 1 }) ?? rules.defaultPerPage;
  if (perPage > rules.maxPerPage) {
    throw unprocessable(`per_page must be between 1 and ${rules.maxPerPage}, got ${perPage}`);
  }
  const total = items.length;
  const start = (page - 1) * perPage;
  const data = items.slice(start, start + perPage);
  return {
    data,
    pagination: {
      total,
      per_page: perPage,
      current_page: page,
      last_page: Math.max(1, Math.ceil(total / perPage)),
      from: data.length ? start + 1 : null,
      to: data.length ? start + data.length : null,
    },
  };
}
