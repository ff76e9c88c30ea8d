import type { LiveBus } from '../../live/live-bus.js';
import type { TrackerRefresher } from '../../live/tracker-refresher.js';
import type { SubscriptionLimits } from './subscription-limits.js';
import type { SubscriptionMetrics } from './subscription-metrics.js';
import type { WorkspaceAccess } from './workspace-access.js';

/** What the subscription fields need, built once per gateway instance (gateway-core.ts). */
export interface LiveServices {
  readonly bus: LiveBus;
  readonly refresher: TrackerRefresher;
  readonly access: WorkspaceAccess;
  readonly limits: SubscriptionLimits;
  readonly metrics: SubscriptionMetrics;
  /** Period of the access recheck of every open subscription (SUBSCRIPTION_RECHECK_SECONDS). */
  readonly recheckMs: number;
}
