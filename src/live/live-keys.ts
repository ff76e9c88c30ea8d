/**
 * The Redis key space of the live board (issue 10), in one place like `cache/keys.ts` is for the
 * response cache. Every key starts with the cache prefix (`CACHE_PREFIX`) so instances of one
 * deployment share them and two deployments on one Redis do not.
 *
 * None of these keys carries a token or a caller scope: the live board's state is per workspace
 * and member, and who may see it is decided by caller-scoped reads before anything is served.
 */
export const liveKeys = {
  /** Hash of one member's TrackerSnapshot (JSON). */
  tracker: (prefix: string, workspaceId: number, userId: number) =>
    `${prefix}:live:tracker:${workspaceId}:${userId}`,
  /** Pub/sub channel carrying LiveEvents between instances. */
  channel: (prefix: string) => `${prefix}:live:events`,
  /** The registration of the gateway's webhooks for one workspace (ids and the delivery token). */
  webhookRegistration: (prefix: string, workspaceId: number) => `${prefix}:live:webhooks:${workspaceId}`,
  /** Marks a webhook delivery seen, for replay de-duplication within a window. */
  delivery: (prefix: string, digest: string) => `${prefix}:live:delivery:${digest}`,
  /** The lock that elects the one instance polling a workspace's trackers (no webhooks). */
  pollerLock: (prefix: string, workspaceId: number) => `${prefix}:live:poller:${workspaceId}`,
} as const;
