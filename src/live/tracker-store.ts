import type { TrackerSnapshot } from './live-event.js';

/**
 * Tracker state as a live store (issue 10, DESIGN "Tracker state as a live store"): per workspace
 * and member, shared by every caller and instance (Redis), the first source `Member.tracker` reads.
 *
 * Not caller-scoped, unlike the response cache: it holds what WebWork told us about a member's
 * tracker, and it is only ever served to a caller after that caller's own access to the workspace
 * (and, for other members, the Owner / Executive Manager role) has been checked through the
 * caller-scoped reads. See the implementation for how that check is made.
 *
 * `put` keeps the newest knowledge: a snapshot whose `asOf` is older than the stored one is ignored
 * (webhook deliveries are not ordered), and returns whether the stored state changed.
 */
export interface TrackerStore {
  get(workspaceId: number, userId: number): Promise<TrackerSnapshot | undefined>;
  getMany(workspaceId: number, userIds: readonly number[]): Promise<(TrackerSnapshot | undefined)[]>;
  put(snapshot: TrackerSnapshot): Promise<boolean>;
  close(): Promise<void>;
}
