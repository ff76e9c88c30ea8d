/**
 * What the live board tells subscribers (issue 10). Produced by the webhook receiver, by the
 * gateway's own tracking mutations, by upstream current-data reads that change what was known, and
 * by the background scheduler; carried between instances by a `LiveBus`; turned into GraphQL
 * subscription payloads (`trackerChanged`, `memberChanged`, `projectChanged`) on each instance.
 *
 * Plain JSON on purpose: it crosses Redis pub/sub, so it holds no class instances and no secrets
 * (never a token, never a caller scope). Ids are WebWork's upstream ids.
 */

/** Where a tracker state came from, newest knowledge first wins (see `TrackerSnapshot.asOf`). */
export type TrackerSource = 'WEBHOOK' | 'UPSTREAM_READ' | 'MUTATION';

/** One member's tracker as the live store knows it. */
export interface TrackerSnapshot {
  workspaceId: number;
  userId: number;
  /** `null`: never known (the budget has not covered it yet); see `pendingSince`. */
  isRunning: boolean | null;
  activityDescription: string | null;
  /** ISO 8601 UTC, when the running tracker started, if known. */
  startedAt: string | null;
  projectId: number | null;
  taskId: number | null;
  /** ISO 8601 UTC: when this knowledge was true (the event's timestamp, or the read's time). */
  asOf: string;
  source: TrackerSource;
  /*
   * Optional (added by the store and the receiver, compatibly): what a read or an event also told.
   * Absent means not known; `todaySeconds` and `date` are as of `asOf`.
   */
  contractId?: number | null;
  taskTitle?: string | null;
  todaySeconds?: number | null;
  date?: string | null;
}

export type LiveEvent =
  | { kind: 'tracker'; workspaceId: number; userId: number; event: string; tracker: TrackerSnapshot }
  | { kind: 'member'; workspaceId: number; userId: number; event: string; at: string }
  | { kind: 'project'; workspaceId: number; projectId: number; event: string; at: string };

export type LiveEventKind = LiveEvent['kind'];
