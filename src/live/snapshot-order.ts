import type { TrackerSnapshot, TrackerSource } from './live-event.js';

/**
 * Which of two snapshots of one member's tracker the store keeps (newest knowledge wins), in one
 * place so the memory store and the Redis script (redis-tracker-store.ts) apply the same rule.
 *
 * - A snapshot replaces the stored one only when its `asOf` is later (equal: kept as is), because
 *   webhook deliveries are not ordered and reads finish in any order.
 * - An UPSTREAM_READ must be more than `READ_PRECEDENCE_MS` later to replace an event (WEBHOOK or
 *   MUTATION). Assumption (GAPS Webhooks, delivery): the delivery `timestamp` has whole seconds
 *   (the simulator's does), so an event that happened at 10:00:00.800 says 10:00:00; a
 *   current-data read sent at 10:00:00.300, before the event, must not undo it.
 */
export const READ_PRECEDENCE_MS = 1000;

/** The margin `next` needs over a stored snapshot of source `stored`. */
export function precedenceMs(next: TrackerSource, stored: TrackerSource): number {
  return next === 'UPSTREAM_READ' && stored !== 'UPSTREAM_READ' ? READ_PRECEDENCE_MS : 0;
}

export function supersedes(next: TrackerSnapshot, stored: TrackerSnapshot | undefined): boolean {
  if (!stored) return true;
  return Date.parse(next.asOf) > Date.parse(stored.asOf) + precedenceMs(next.source, stored.source);
}

/**
 * The part of a snapshot that subscribers care about (what runs, on what), as a canonical string:
 * a newer snapshot saying the same thing refreshes `asOf` but is no change to publish.
 */
export function stateOf(s: TrackerSnapshot): string {
  return JSON.stringify([
    s.isRunning,
    s.startedAt,
    s.contractId ?? null,
    s.projectId,
    s.taskId,
    s.activityDescription,
  ]);
}
