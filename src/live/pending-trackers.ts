import { LRUCache } from 'lru-cache';

/**
 * When each unknown tracker was first wanted (`TrackerState.pendingSince`), per process: a hint for
 * clients ("waiting for the budget since ..."), not shared state, so instances may differ by the
 * moment each first saw the request. Bounded in entries and age.
 */
export class PendingTrackers {
  private readonly since = new LRUCache<string, string>({ max: 50_000, ttl: 3_600_000 });

  /** The first time this member's tracker was wanted and could not be read (now, if never). */
  wanted(workspaceId: number, userId: number, now: Date): string {
    const key = `${workspaceId}:${userId}`;
    let since = this.since.get(key);
    if (!since) {
      since = now.toISOString();
      this.since.set(key, since);
    }
    return since;
  }

  known(workspaceId: number, userId: number): void {
    this.since.delete(`${workspaceId}:${userId}`);
  }
}
