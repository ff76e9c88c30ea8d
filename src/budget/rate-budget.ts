import type { CallerScope } from '../cache/keys.js';

/**
 * Who is waiting on a call. `interactive` (the default): a GraphQL request is waiting on it.
 * `background`: the live board's scheduler and poller (src/live); such a call may only take a token while
 * more than the reserve (`backgroundReserve`, UPSTREAM_BACKGROUND_RESERVE) is left in the current window,
 * so background work never spends what interactive reads need next.
 */
export type BudgetPriority = 'interactive' | 'background';

export interface TakeOptions {
  priority?: BudgetPriority;
}

/** The answer to "may this caller spend one upstream call now?". */
export type BudgetDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * The per-caller budget of upstream calls. WebWork allows 60 requests per minute per user; the gateway
 * counts its own calls against that so it can answer `RATE_LIMITED` with a retry hint instead of
 * hammering the upstream into 429s.
 *
 * Contract: `take` reserves one call (counted whether or not the caller then makes it) or says how long to
 * wait (`retryAfterSeconds` ≥ 1). `blockFor` records an upstream 429 + Retry-After so that every `take` for
 * that caller is denied until it passes. No method rejects, and a budget never fails open: when its shared
 * backend (Redis) cannot be reached it keeps counting locally, with a share of the limit (see
 * `RedisRateBudget`), because an uncounted token soon meets WebWork's own 429 and is then blocked for far
 * longer than the gateway would have held it back.
 */
export interface RateBudget {
  take(scope: CallerScope, options?: TakeOptions): Promise<BudgetDecision>;
  blockFor(scope: CallerScope, seconds: number): Promise<void>;
  close(): Promise<void>;
}

/** A denial with a whole-second hint of at least 1 s. */
export function deny(waitMs: number): BudgetDecision {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}
