import { LRUCache } from 'lru-cache';
import type { TrackerSnapshot } from './live-event.js';
import { stateOf, supersedes } from './snapshot-order.js';
import type { TrackerStore } from './tracker-store.js';

/**
 * The tracker store of one process (no REDIS_URL: the default demo run). Bounded in entries and
 * age like the Redis one (`ttlSeconds`); the rule of which snapshot wins is snapshot-order.ts.
 */
export class MemoryTrackerStore implements TrackerStore {
  private readonly entries: LRUCache<string, TrackerSnapshot>;

  constructor(options: { ttlSeconds: number; maxEntries?: number }) {
    this.entries = new LRUCache({ max: options.maxEntries ?? 100_000, ttl: options.ttlSeconds * 1000 });
  }

  get(workspaceId: number, userId: number): Promise<TrackerSnapshot | undefined> {
    const found = this.entries.get(`${workspaceId}:${userId}`);
    return Promise.resolve(found && structuredClone(found));
  }

  async getMany(workspaceId: number, userIds: readonly number[]) {
    return Promise.all(userIds.map((userId) => this.get(workspaceId, userId)));
  }

  put(snapshot: TrackerSnapshot): Promise<boolean> {
    const key = `${snapshot.workspaceId}:${snapshot.userId}`;
    const stored = this.entries.get(key);
    if (!supersedes(snapshot, stored)) return Promise.resolve(false);
    this.entries.set(key, structuredClone(snapshot));
    return Promise.resolve(!stored || stateOf(stored) !== stateOf(snapshot));
  }

  /** Members known (tests and benches count them). */
  get size(): number {
    return this.entries.size;
  }

  close(): Promise<void> {
    this.entries.clear();
    return Promise.resolve();
  }
}
