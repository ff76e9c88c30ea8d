import { NOTHING_TRACKED, type TrackerRecord } from '../catalogue/tracking.operations.js';
import type { TrackerSnapshot, TrackerSource } from './live-event.js';

/** A tracker record (read, or a write's answer) as the store keeps it. */
export function snapshotOfRecord(
  record: TrackerRecord,
  source: TrackerSource,
  asOf?: string,
): TrackerSnapshot {
  return {
    workspaceId: record.workspaceId,
    userId: record.userId,
    isRunning: record.isRunning,
    activityDescription: record.activityDescription,
    startedAt: record.startedAt,
    contractId: record.contractId,
    projectId: record.projectId,
    taskId: record.taskId,
    taskTitle: record.taskTitle,
    todaySeconds: record.todaySeconds,
    date: record.date,
    // A record cached before records carried `asOf` is as old as the tracker TTL allows; now is close.
    asOf: asOf ?? record.asOf ?? new Date().toISOString(),
    source,
  };
}

/**
 * A stored snapshot as the graph answers it. Today's totals only while they are as fresh as a
 * cached read would be (`totalsFresh`): they grow while a tracker runs, and an event never tells them.
 */
export function recordOfSnapshot(s: TrackerSnapshot, totalsFresh: boolean): TrackerRecord {
  return {
    workspaceId: s.workspaceId,
    userId: s.userId,
    isRunning: s.isRunning,
    contractId: s.contractId ?? null,
    projectId: s.projectId,
    taskId: s.taskId,
    taskTitle: s.taskTitle ?? null,
    activityDescription: s.activityDescription,
    startedAt: s.startedAt,
    todaySeconds: totalsFresh ? (s.todaySeconds ?? null) : null,
    date: totalsFresh ? (s.date ?? null) : null,
    asOf: s.asOf,
    source: s.source,
    pendingSince: null,
  };
}

/** A tracker nobody could read yet: not an error (issue 10), but "unknown, wanted since". */
export function unknownTracker(
  workspaceId: number,
  userId: number,
  now: Date,
  pendingSince: string,
): TrackerRecord {
  return {
    workspaceId,
    userId,
    isRunning: null,
    ...NOTHING_TRACKED,
    todaySeconds: null,
    date: null,
    asOf: now.toISOString(),
    // Nothing told it yet; what it waits for is an upstream read (TrackerRefresher.want).
    source: 'UPSTREAM_READ',
    pendingSince,
  };
}
