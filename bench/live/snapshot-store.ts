import type { TrackerSnapshot } from '../../src/live/live-event.js';
import type { TrackerStore } from '../../src/live/tracker-store.js';

/**
 * The bench's TrackerStore: in memory, newest `asOf` wins, `put` reports a change of tracker state.
 * One object shared by the bench's scheduler instances stands for the store they share in Redis
 * (the gateway's own store, issue 10 part A, is what the gateway reads; the bench only needs to know
 * when each tracker became known, which `firstKnownAt` records).
 */
export class BenchSnapshotStore implements TrackerStore {
  private readonly snapshots = new Map<string, TrackerSnapshot>();
  /** Epoch ms at which each `workspaceId:userId` was first known (isRunning not null). */
  readonly firstKnownAt = new Map<string, number>();

  async get(workspaceId: number, userId: number): Promise<TrackerSnapshot | undefined> {
    return this.snapshots.get(`${workspaceId}:${userId}`);
  }

  async getMany(workspaceId: number, userIds: readonly number[]): Promise<(TrackerSnapshot | undefined)[]> {
    return userIds.map((userId) => this.snapshots.get(`${workspaceId}:${userId}`));
  }

  async put(snapshot: TrackerSnapshot): Promise<boolean> {
    const key = `${snapshot.workspaceId}:${snapshot.userId}`;
    const known = this.snapshots.get(key);
    if (known && known.asOf > snapshot.asOf) return false;
    this.snapshots.set(key, snapshot);
    if (snapshot.isRunning !== null && !this.firstKnownAt.has(key)) this.firstKnownAt.set(key, Date.now());
    return known === undefined || state(known) !== state(snapshot);
  }

  async close(): Promise<void> {}
}

const state = ({ asOf: _asOf, source: _source, ...rest }: TrackerSnapshot) => JSON.stringify(rest);
