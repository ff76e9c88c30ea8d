import { MemoryStore } from '../../src/cache/memory-store.js';
import { ResponseCache } from '../../src/cache/response-cache.js';
import { callerScope } from '../../src/cache/keys.js';
import type { RateBudget } from '../../src/budget/index.js';
import { staleTagsAfter } from '../../src/catalogue/stale-reads.js';
import { CATALOGUE } from '../../src/catalogue/index.js';
import { loadConfig } from '../../src/config/config.js';
import { CachedReader } from '../../src/datasources/cached-reader.js';
import type { Caller } from '../../src/datasources/caller.js';
import { Operations } from '../../src/datasources/operations.js';
import { UpstreamClient } from '../../src/datasources/upstream-client.js';
import type { TrackerSnapshot } from '../../src/live/live-event.js';
import type { TrackerStore } from '../../src/live/tracker-store.js';
import { silentLogger } from '../../src/logging/logger.js';

/**
 * A test double of the live TrackerStore (engineer A's memory and Redis stores implement the real
 * one): newest `asOf` wins, and `put` reports a change only when the tracker state itself changed.
 * One object shared by two schedulers stands for the store they share through Redis.
 */
export class InTestTrackerStore implements TrackerStore {
  readonly snapshots = new Map<string, TrackerSnapshot>();

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
    return known === undefined || stateOf(known) !== stateOf(snapshot);
  }

  async close(): Promise<void> {}
}

const stateOf = ({ asOf: _a, source: _s, ...state }: TrackerSnapshot) => JSON.stringify(state);

/** The gateway's real read lifecycle (cache, budget, upstream client) against a simulator, no Apollo. */
export function operationsFor(apiUrl: string, budget: RateBudget): Operations {
  const config = loadConfig({});
  const upstream = new UpstreamClient({
    baseUrl: apiUrl,
    timeoutMs: 5000,
    retries: 0,
    budget,
    logger: silentLogger,
  });
  return new Operations({
    upstream,
    reader: new CachedReader(new ResponseCache(new MemoryStore(), { enabled: true })),
    cacheConfig: config.cache,
    staleTags: staleTagsAfter(CATALOGUE),
  });
}

export const callerOf = (token: string): Caller => ({ token, scope: callerScope(token) });
