import type { TrackerSnapshot } from '../../src/live/live-event.js';
import { MemoryTrackerStore } from '../../src/live/memory-tracker-store.js';

/**
 * The bench's TrackerStore: the gateway's in-process store, noting when each tracker first became
 * known. One object shared by the bench's scheduler instances stands for the store they share in
 * Redis.
 */
export class BenchSnapshotStore extends MemoryTrackerStore {
  /** Epoch ms at which each `workspaceId:userId` was first known (isRunning not null). */
  readonly firstKnownAt = new Map<string, number>();

  constructor() {
    super({ ttlSeconds: 3600 });
  }

  override async put(snapshot: TrackerSnapshot): Promise<boolean> {
    const changed = await super.put(snapshot);
    const key = `${snapshot.workspaceId}:${snapshot.userId}`;
    if (snapshot.isRunning !== null && !this.firstKnownAt.has(key)) this.firstKnownAt.set(key, Date.now());
    return changed;
  }
}
