import type { TrackerSnapshot, TrackerSource } from './live-event.js';

/**
 * Which of two snapshots of one member's tracker the store keeps (newest knowledge wins), in one
 * place so the memory store and the Redis script (redis-tracker-store.ts) apply the same rule:
 * `next` replaces `stored` when `next.asOf > stored.asOf + precedenceMs(next, stored)`.
 *
 * Webhook deliveries are not ordered and reads finish in any order, hence "newest asOf". But
 * assumption (GAPS Webhooks, delivery): a delivery's `timestamp` has whole seconds (the simulator's
 * does), so an event that happened at 10:00:00.800 says 10:00:00, while a current-data read carries
 * the millisecond WebWork answered. Within that second the order of an event and a read cannot be
 * told, and the event wins both ways: it reports a change explicitly, a read may predate it.
 * - read over read: strictly newer (margin 0);
 * - read over event (WEBHOOK, MUTATION): more than a second newer (+1000);
 * - event over read: newer than a second before it (-1000);
 * - event over event: as new or newer (-1: of two events stamped with the same second, the one
 *   delivered last wins; a replayed delivery is refused before it gets here).
 */
export const READ_PRECEDENCE_MS = 1000;

export function precedenceMs(next: TrackerSource, stored: TrackerSource): number {
  const nextIsRead = next === 'UPSTREAM_READ';
  const storedIsRead = stored === 'UPSTREAM_READ';
  if (nextIsRead) return storedIsRead ? 0 : READ_PRECEDENCE_MS;
  return storedIsRead ? -READ_PRECEDENCE_MS : -1;
}

/**
 * WebWork's current-data "only works when the tracker is running from the API or from the browser"
 * (REFERENCE §10.11): a tracker started in the desktop app reads as idle there, while its
 * `tracker.started` event still arrives. So a read saying "idle" is no evidence against an event
 * saying "running": it never replaces one. What ends such a state is a `tracker.stopped` event, the
 * gateway's own stop, or the store's TTL (LIVE_TRACKER_TTL_SECONDS after the event, which ignored
 * reads do not extend: the bound on how long a lost stop event can leave a badge running).
 */
export function blindRead(next: TrackerSnapshot, stored: TrackerSnapshot): boolean {
  return (
    next.source === 'UPSTREAM_READ' &&
    next.isRunning === false &&
    stored.source === 'WEBHOOK' &&
    stored.isRunning === true
  );
}

export function supersedes(next: TrackerSnapshot, stored: TrackerSnapshot | undefined): boolean {
  if (!stored) return true;
  if (blindRead(next, stored)) return false;
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
