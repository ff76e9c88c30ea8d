import type { TrackerRecord } from '../catalogue/tracking.operations.js';
import type { TrackerSnapshot } from './live-event.js';
import { recordOfSnapshot } from './tracker-snapshots.js';

/**
 * What a `trackerChanged` event hands to the TrackerState resolvers: the record a query's tracker
 * read gives, filled from the live snapshot with its freshness (`asOf`, `source`). What the event
 * did not carry is null: a webhook tells no contract id, day total or day, so `contract`,
 * `todaySeconds`, `todayMinutes` and `date` are null on such payloads; query `Member.tracker` for
 * them. `isRunning` is null while the tracker was never known (the budget has not covered it yet).
 */
export type LiveTrackerRecord = TrackerRecord;

export function trackerRecordOf(snapshot: TrackerSnapshot): LiveTrackerRecord {
  // An event is news: its totals, when it carries any, are as fresh as the event.
  return recordOfSnapshot(snapshot, true);
}
