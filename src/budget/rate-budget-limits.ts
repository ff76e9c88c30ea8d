/** The size of a caller's upstream budget: `limit` calls per sliding window of `windowSeconds`. */
export interface RateBudgetLimits {
  /** Calls allowed per window and caller (0 = off: `createRateBudget` then returns `UnlimitedRateBudget`). */
  limit: number;
  /** Length of the sliding window in seconds. Default 60. */
  windowSeconds?: number;
}

/**
 * Fails fast on a budget that would deny everything or nothing by accident: `limit` must be a positive
 * integer (use `UnlimitedRateBudget` for "off") and `windowSeconds` positive.
 */
export function assertLimits(limits: RateBudgetLimits): void {
  if (!Number.isInteger(limits.limit) || limits.limit <= 0) {
    throw new Error(`rate budget: expected limit to be a positive integer, got ${limits.limit}`);
  }
  if (limits.windowSeconds !== undefined && !(limits.windowSeconds > 0)) {
    throw new Error(`rate budget: expected windowSeconds > 0, got ${limits.windowSeconds}`);
  }
}
