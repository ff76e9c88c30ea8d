import type { CallerScope } from '../cache/keys.js';
import { deny, type BudgetDecision, type RateBudget, type TakeOptions } from './rate-budget.js';
import { assertLimits, ceilingFor, type RateBudgetLimits } from './rate-budget-limits.js';

export interface MemoryRateBudgetOptions extends RateBudgetLimits {
  /** Epoch-ms clock. Default `Date.now`; tests may advance it. */
  clock?: () => number;
}

interface CallerLog {
  /** Times (epoch ms) of the calls still inside the window, oldest first. */
  calls: number[];
  blockedUntil: number;
}

/**
 * `RateBudget` for one process: a sliding-window log per caller, with the same semantics as
 * `RedisRateBudget`. Used alone when no Redis is configured (one instance), and inside `RedisRateBudget`
 * as its local fallback while Redis is unreachable (with a share of the limit).
 *
 * Memory: callers with no call in the window and no block are dropped by a sweep every 1000 takes.
 */
export class MemoryRateBudget implements RateBudget {
  private readonly logs = new Map<string, CallerLog>();
  private readonly windowMs: number;
  private readonly clock: () => number;
  private takesSinceSweep = 0;

  constructor(private readonly options: MemoryRateBudgetOptions) {
    assertLimits(options);
    this.windowMs = (options.windowSeconds ?? 60) * 1000;
    this.clock = options.clock ?? Date.now;
  }

  async take(scope: CallerScope, options: TakeOptions = {}): Promise<BudgetDecision> {
    const now = this.clock();
    if (++this.takesSinceSweep >= 1000) this.sweep(now);
    const log = this.logOf(scope.id);
    if (log.blockedUntil > now) return deny(log.blockedUntil - now);
    while (log.calls.length > 0 && log.calls[0]! <= now - this.windowMs) log.calls.shift();
    const ceiling = ceilingFor(this.options, options.priority);
    if (log.calls.length < ceiling) {
      log.calls.push(now);
      return { allowed: true };
    }
    // Allowed again once the window holds ceiling - 1 calls: when this one (oldest first) leaves it.
    return deny(log.calls[log.calls.length - ceiling]! + this.windowMs - now);
  }

  async blockFor(scope: CallerScope, seconds: number): Promise<void> {
    if (!(seconds > 0)) return;
    const log = this.logOf(scope.id);
    log.blockedUntil = Math.max(log.blockedUntil, this.clock() + seconds * 1000);
  }

  async close(): Promise<void> {
    this.logs.clear();
  }

  private logOf(id: string): CallerLog {
    let log = this.logs.get(id);
    if (log === undefined) {
      log = { calls: [], blockedUntil: 0 };
      this.logs.set(id, log);
    }
    return log;
  }

  private sweep(now: number): void {
    this.takesSinceSweep = 0;
    for (const [id, log] of this.logs) {
      const lastCall = log.calls.at(-1) ?? -Infinity;
      if (lastCall <= now - this.windowMs && log.blockedUntil <= now) this.logs.delete(id);
    }
  }
}
