import type { BudgetPriority } from '../budget/rate-budget.js';
import type { CallerScope } from '../cache/keys.js';
import type { ReadCollector } from '../cache/read-collector.js';

/**
 * Who is asking: their WebWork token (forwarded upstream, never logged, never part of a key) and
 * its hash (the scope of every cache key and rate budget).
 */
export interface Caller {
  readonly token: string;
  readonly scope: CallerScope;
  /** This request's cache reads and writes, when its whole response may be reused. */
  readonly reads?: ReadCollector;
  /**
   * What the rate budget counts this caller's upstream calls as (src/budget): `interactive` (default,
   * a request is waiting) or `background` (the live board's scheduler, which copies the caller with it).
   */
  readonly priority?: BudgetPriority;
}
