import type { BudgetPriority } from './rate-budget.js';

/** The size of a caller's upstream budget: `limit` calls per sliding window of `windowSeconds`. */
export interface RateBudgetLimits {
  /** Calls allowed per window and caller (0 = off: `createRateBudget` then returns `UnlimitedRateBudget`). */
  limit: number;
  /** Length of the sliding window in seconds. Default 60. */
  windowSeconds?: number;
  /**
   * Calls per window kept for interactive reads: a `background` take is allowed only while fewer than
   * `limit - backgroundReserve` calls are in the window. Default 0 (background = interactive).
   */
  backgroundReserve?: number;
}

/** The most calls a window may hold for a take of this priority to be allowed. */
export function ceilingFor(limits: RateBudgetLimits, priority: BudgetPriority | undefined): number {
  return priority === 'background' ? limits.limit - (limits.backgroundReserve ?? 0) : limits.limit;
}

/**
 * Fails fast on a budget that would deny everything or nothing by accident: `limit` must be a positive
 * integer (use `UnlimitedRateBudget` for "off") `windowSeconds` positive,
 * and `backgroundReserve` below `limit`.
 */
export function assertLimits(limits: RateBudgetLimits): void {
  if (!Number.isInteger(limits.limit) || limits.limit <= 0) {
    throw new Error(`rate budget: expected limit to be a positive integer, got ${limits.limit}`);
  }
  if (limits.windowSeconds !== undefined && !(limits.windowSeconds > 0)) {
    throw new Error(`rate budget: expected windowSeconds > 0, got ${limits.windowSeconds}`);
  }
  const reserve = limits.backgroundReserve ?? 0;
  // A reserve equal to the limit would starve background work forever: refuse it at boot instead.
  if (!Number.isInteger(reserve) || reserve < 0 || reserve >= limits.limit) {
    throw new Error(
      `rate budget: expected backgroundReserve to be an integer in [0, limit), got ${limits.backgroundReserve}`,
    );
  }
}
