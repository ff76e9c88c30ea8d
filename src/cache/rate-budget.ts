import type { CallerScope } from './keys.js';

/** The answer to "may this caller spend one upstream call now?". */
export type BudgetDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * The per-caller budget of upstream calls. WebWork allows 60 requests per minute per user; the gateway
 * counts its own calls against that so it can answer `RATE_LIMITED` with a retry hint instead of
 * hammering the upstream into 429s.
 *
 * Contract: `take` reserves one call (counted whether or not the caller then makes it) or says how long to
 * wait (`retryAfterSeconds` ≥ 1). `blockFor` records an upstream 429 + Retry-After so that every `take` for
 * that caller is denied until it passes. No method rejects: a budget that cannot be checked fails open
 * (allows), because refusing every request during a Redis outage would be worse than risking a 429.
 */
export interface RateBudget {
  take(scope: CallerScope): Promise<BudgetDecision>;
  blockFor(scope: CallerScope, seconds: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * No counting (`limit: 0`), but an upstream 429 is still honoured: after `blockFor`, `take` denies that
 * caller until the Retry-After passes. Blocks are kept in this process only (they are rare and short);
 * with a counted budget they are shared through Redis.
 */
export class UnlimitedRateBudget implements RateBudget {
  private readonly blockedUntil = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now) {}

  async take(scope: CallerScope): Promise<BudgetDecision> {
    const until = this.blockedUntil.get(scope.id);
    if (until === undefined) return { allowed: true };
    const left = until - this.clock();
    if (left <= 0) {
      this.blockedUntil.delete(scope.id);
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(left / 1000)) };
  }

  async blockFor(scope: CallerScope, seconds: number): Promise<void> {
    this.blockedUntil.set(scope.id, this.clock() + seconds * 1000);
  }

  async close(): Promise<void> {}
}

export { assertLimits, type RateBudgetLimits } from './rate-budget-limits.js';
export { MemoryRateBudget, type MemoryRateBudgetOptions } from './memory-rate-budget.js';
export { RedisRateBudget, type RedisRateBudgetOptions } from './redis-rate-budget.js';
