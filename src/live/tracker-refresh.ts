import { trackerCurrent, type TrackerRecord } from '../catalogue/tracking.operations.js';
import type { Caller } from '../datasources/caller.js';
import type { Operations } from '../datasources/operations.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { Logger } from '../logging/logger.js';
import type { LiveBus } from './live-bus.js';
import { snapshotOfRecord } from './tracker-snapshots.js';
import type { TrackerStore } from './tracker-store.js';

/** What one background tracker read came to, and so what the caller of `refreshTracker` does next. */
export type RefreshOutcome =
  | { kind: 'done'; changed: boolean }
  /** The budget (or WebWork's 429) said not now: try again after this many seconds. */
  | { kind: 'wait'; seconds: number }
  /** WebWork could not answer (outage, timeout): worth another try later. */
  | { kind: 'failed' }
  /** This token may not read this member's tracker (403, 404, 400): never ask again with it. */
  | { kind: 'refused' }
  /** WebWork no longer accepts this token: forget it. */
  | { kind: 'unauthenticated' };

export interface RefreshDeps {
  operations: Pick<Operations, 'fetch'>;
  store: TrackerStore;
  bus: LiveBus;
  logger: Logger;
  clock?: () => number;
}

/**
 * The LiveEvent `event` of a tracker learnt by a background read (webhooks carry WebWork's own
 * `tracker.started` / `tracker.stopped`; a read only tells the state, not the transition).
 */
export const REFRESHED_EVENT = 'tracker.refreshed';

/** The caller's identity with background priority: the budget keeps its reserve from these calls. */
export const inBackground = (caller: Caller): Caller => ({
  token: caller.token,
  scope: caller.scope,
  priority: 'background',
});

/**
 * One member's tracker read from upstream (current-data, past the cache) with background priority,
 * put into the store, and published as a `tracker` LiveEvent when that changed what was known.
 * Never rejects: every failure becomes an outcome.
 */
export async function refreshTracker(
  deps: RefreshDeps,
  caller: Caller,
  workspaceId: number,
  userId: number,
): Promise<RefreshOutcome> {
  // Dated when the read was sent: a webhook arriving while it is in flight is newer and wins.
  const asOf = new Date((deps.clock ?? Date.now)()).toISOString();
  let record: TrackerRecord;
  try {
    record = await deps.operations.fetch(inBackground(caller), trackerCurrent, { workspaceId, userId });
  } catch (error) {
    return outcomeOf(error, deps.logger, caller);
  }
  const snapshot = snapshotOfRecord(record, 'UPSTREAM_READ', asOf);
  try {
    const changed = await deps.store.put(snapshot);
    if (changed) {
      await deps.bus.publish({
        kind: 'tracker',
        workspaceId,
        userId,
        event: REFRESHED_EVENT,
        tracker: snapshot,
      });
    }
    return { kind: 'done', changed };
  } catch (error) {
    deps.logger.warn({ workspaceId, userId, err: error }, 'live board: storing a refreshed tracker failed');
    return { kind: 'failed' };
  }
}

function outcomeOf(error: unknown, logger: Logger, caller: Caller): RefreshOutcome {
  if (!(error instanceof GatewayError)) {
    logger.error(
      { caller: caller.scope.logId, err: error },
      'live board: unexpected tracker refresh failure',
    );
    return { kind: 'failed' };
  }
  switch (error.code) {
    case 'RATE_LIMITED': {
      const seconds = Number(error.extensions.retryAfterSeconds);
      return { kind: 'wait', seconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 1 };
    }
    case 'UNAUTHENTICATED':
      return { kind: 'unauthenticated' };
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'BAD_USER_INPUT':
      return { kind: 'refused' };
    default:
      return { kind: 'failed' };
  }
}
