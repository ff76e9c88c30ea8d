import type { CallerScope } from '../cache/keys.js';
import { deny, type BudgetDecision, type RateBudget, type TakeOptions } from './rate-budget.js';

/**
 * No counting (`limit: 0`), so no background reserve either: both priorities are allowed alike. An
 * upstream 429 is still honoured: after `blockFor`, `take` denies that caller until the Retry-After passes. Blocks are kept in this process only (they are rare and short);
 * with a counted budget they are shared through Redis.
 */
export class UnlimitedRateBudget implements RateBudget {
  private readonly blockedUntil = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now) {}

  async take(scope: CallerScope, _options?: TakeOptions): Promise<BudgetDecision> {
    const until = this.blockedUntil.get(scope.id);
    if (until === undefined) return { allowed: true };
    const left = until - this.clock();
    if (left <= 0) {
      this.blockedUntil.delete(scope.id);
      return { allowed: true };
    }
    return deny(left);
  }

  async blockFor(scope: CallerScope, seconds: number): Promise<void> {
    this.blockedUntil.set(scope.id, this.clock() + seconds * 1000);
  }

  async close(): Promise<void> {}
}
