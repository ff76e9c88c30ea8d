import type { TrackerRecord } from '../catalogue/tracking.operations.js';
import type { TrackerSnapshot, TrackerSource } from './live-event.js';

/**
 * What a `trackerChanged` event hands to the TrackerState resolvers: the record they already take
 * (as a query's tracker read gives it), filled from the live snapshot, plus its freshness.
 *
 * Assumptions, stated where they matter:
 * - A snapshot carries no contract id, today's total or day (webhooks and the store do not know
 *   them), so `contractId`, `todaySeconds` and `date` are null here: `contract`, `todaySeconds`,
 *   `todayMinutes` and `date` are null on subscription payloads; query `Member.tracker` for them.
 * - `isRunning` is null while the tracker was never known (the budget has not covered it yet):
 *   TrackerState.isRunning becomes nullable with the live store (issue 10, part A).
 * - `asOf` and `source` are the snapshot's, under the names TrackerState exposes them (part A).
 */
export type LiveTrackerRecord = Omit<TrackerRecord, 'isRunning'> & {
  isRunning: boolean | null;
  asOf: string;
  source: TrackerSource;
};

export function trackerRecordOf(snapshot: TrackerSnapshot): LiveTrackerRecord {
  return {
    workspaceId: snapshot.workspaceId,
    userId: snapshot.userId,
    isRunning: snapshot.isRunning,
    contractId: null,
    projectId: snapshot.projectId,
    taskId: snapshot.taskId,
    taskTitle: null,
    activityDescription: snapshot.activityDescription,
    startedAt: snapshot.startedAt,
    todaySeconds: null,
    date: null,
    asOf: snapshot.asOf,
    source: snapshot.source,
  };
}
