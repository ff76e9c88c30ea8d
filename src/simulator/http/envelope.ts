import type { ApiError } from './api-error.js';

export const API_VERSION = '2.0.0';

export interface Pagination {
  total: number;
  per_page: number;
  current_page: number;
  last_page: number;
  from: number | null;
  to: number | null;
}

/** `meta.timestamp` is UTC ISO 8601 without fractions, as in the docs' examples. */
export function meta(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    api_version: API_VERSION,
    timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ...extra,
  };
}

/** The success envelope. `data: undefined` omits the field (documented for a few writes). */
export function ok(
  data: unknown,
  message?: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    success: true,
    ...(data === undefined ? {} : { data }),
    ...(message === undefined ? {} : { message }),
    ...extra,
    meta: meta(),
  };
}

/**
 * A page of a list, with `meta.pagination` unless `showPagination` is false. GAPS G8: the block is
 * documented only on some lists; `lenient` emits it on every list, `docs-exact` only where the docs
 * show it (routes pass `ctx.profile.paginationOnEveryList` for the others). Without the block the
 * list still pages: `page`/`per_page` apply and a page past the end is empty.
 */
export function okPage(
  page: { data: unknown[]; pagination: Pagination },
  message?: string,
  showPagination = true,
): Record<string, unknown> {
  return {
    success: true,
    data: page.data,
    ...(message === undefined ? {} : { message }),
    meta: meta(showPagination ? { pagination: page.pagination } : {}),
  };
}

export function failure(error: ApiError): Record<string, unknown> {
  return { success: false, message: error.message, error: error.label, meta: meta() };
}
