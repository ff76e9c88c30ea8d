import pLimit from 'p-limit';
import { tags } from '../cache/keys.js';
import { trackerCurrent, type TrackerRecord } from '../catalogue/tracking.operations.js';
import type { Caller } from '../datasources/caller.js';
import type { Operations } from '../datasources/operations.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { RequestMemo } from '../loaders/request-memo.js';
import type { Logger } from '../logging/logger.js';
import type { LiveBus } from './live-bus.js';
import type { TrackerSnapshot } from './live-event.js';
import type { PendingTrackers } from './pending-trackers.js';
import { blindRead } from './snapshot-order.js';
import { mayReadFromStore } from './tracker-access.js';
import type { TrackerRefresher } from './tracker-refresher.js';
import { recordOfSnapshot, snapshotOfRecord, unknownTracker } from './tracker-snapshots.js';
import type { TrackerStore } from './tracker-store.js';
import type { WebhookRegistry } from './webhook-registry.js';

/** Shared by all requests (built once with the gateway). */
export interface LiveTrackerDeps {
  store: TrackerStore;
  registry: WebhookRegistry;
  bus: LiveBus;
  refresher: TrackerRefresher;
  pending: PendingTrackers;
  /** CACHE_TTL_TRACKER_SECONDS: how old a snapshot may be without webhooks. */
  trackerTtlSeconds: number;
  /** LIVE_TRUST_SECONDS: how old it may be when the workspace has webhooks registered. */
  trustSeconds: number;
  logger: Logger;
}

/** Failures after which a stored snapshot beats an error (the request never reached a verdict). */
const OUTAGES: ReadonlySet<string> = new Set(['UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT']);

/**
 * `Member.tracker`, the live store first (issue 10). Per key:
 *
 * 1. Freshness: a stored snapshot is served without an upstream call when the caller may read
 *    from the store (tracker-access.ts) and it is fresh: at most LIVE_TRUST_SECONDS old when the
 *    workspace has the gateway's webhooks registered (every start and stop then arrives as an
 *    event), else at most CACHE_TTL_TRACKER_SECONDS old (what a cached read may be anyway), whatever
 *    its source. An unknown snapshot is never fresh.
 * 2. Otherwise the caller's own current-data read runs as before (caller-scoped cache, budget,
 *    WebWork's access check). Its answer is put in the store (UPSTREAM_READ, asOf = when WebWork
 *    answered) and, when that changed what the store knew, published to the LiveBus.
 * 3. That read refused by the rate budget (RATE_LIMITED) is not an error: the tracker is wanted
 *    from the TrackerRefresher, and answered from the store (any age, with its asOf) if the caller
 *    may read it there, else as unknown (`isRunning: null`, `pendingSince`).
 * 4. WebWork unreachable or too slow: a stored snapshot (any age) for a caller who may read it,
 *    else the error, as before. Other errors (FORBIDDEN, NOT_FOUND, ...) always go through.
 */
export function liveTrackerBatch(
  caller: Caller,
  ops: Operations,
  memo: RequestMemo,
  deps: LiveTrackerDeps,
  concurrency: number,
) {
  const limit = pLimit(concurrency);
  const access = new Map<number, Promise<boolean>>();
  const mayRead = (workspaceId: number) => {
    let allowed = access.get(workspaceId);
    if (!allowed) access.set(workspaceId, (allowed = mayReadFromStore(memo, workspaceId)));
    return allowed;
  };

  const remember = async (record: TrackerRecord) => {
    deps.pending.known(record.workspaceId, record.userId);
    const snapshot = snapshotOfRecord(record, 'UPSTREAM_READ');
    if (!(await deps.store.put(snapshot))) return;
    const { workspaceId, userId } = snapshot;
    await deps.bus
      .publish({ kind: 'tracker', workspaceId, userId, event: 'tracker.read', tracker: snapshot })
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'live event not published'));
  };

  const one = async (
    workspaceId: number,
    userId: number,
    stored: TrackerSnapshot | undefined,
    registered: boolean,
  ): Promise<TrackerRecord> => {
    const now = new Date();
    const age = stored ? now.getTime() - Date.parse(stored.asOf) : Infinity;
    const fresh = age <= 1000 * (registered ? deps.trustSeconds : deps.trackerTtlSeconds);
    // A whole response reusing this answer (server/whole-response-cache.ts) must go when the
    // tracker's tag is invalidated (events, writes), and live no longer than a cached read would.
    const dependsOn = (freshUntil: number) =>
      caller.reads?.record([tags.workspace(workspaceId), tags.tracker(workspaceId, userId)], freshUntil);
    const served = () => {
      dependsOn(Date.parse(stored!.asOf) + deps.trackerTtlSeconds * 1000);
      return recordOfSnapshot(stored!, age <= deps.trackerTtlSeconds * 1000);
    };
    if (stored && stored.isRunning !== null && fresh && (await mayRead(workspaceId))) return served();
    try {
      const record = await ops.read(caller, trackerCurrent, { workspaceId, userId });
      await remember(record);
      // current-data cannot see a desktop-app tracker (snapshot-order.ts `blindRead`): an event's
      // "running" stands against its "idle".
      if (
        stored &&
        blindRead(snapshotOfRecord(record, 'UPSTREAM_READ'), stored) &&
        (await mayRead(workspaceId))
      )
        return served();
      return record;
    } catch (error) {
      const code = error instanceof GatewayError ? error.code : undefined;
      const usable = stored !== undefined && stored.isRunning !== null && (await mayRead(workspaceId));
      if (code === 'RATE_LIMITED') {
        deps.refresher.want(caller, workspaceId, userId);
        if (!usable) dependsOn(Number.NEGATIVE_INFINITY);
        return usable
          ? served()
          : unknownTracker(workspaceId, userId, now, deps.pending.wanted(workspaceId, userId, now));
      }
      if (usable && code !== undefined && OUTAGES.has(code)) return served();
      throw error;
    }
  };

  return async (keys: readonly { workspaceId: number; id: number }[]): Promise<(TrackerRecord | Error)[]> => {
    const stored = new Map<string, TrackerSnapshot | undefined>();
    const registered = new Map<number, boolean>();
    for (const workspaceId of new Set(keys.map((k) => k.workspaceId))) {
      const userIds = keys.filter((k) => k.workspaceId === workspaceId).map((k) => k.id);
      const [snapshots, registration] = await Promise.all([
        deps.store.getMany(workspaceId, userIds),
        deps.registry.get(workspaceId),
      ]);
      userIds.forEach((userId, i) => stored.set(`${workspaceId}:${userId}`, snapshots[i]));
      registered.set(workspaceId, registration !== undefined);
    }
    return Promise.all(
      keys.map((k) =>
        limit(() =>
          one(k.workspaceId, k.id, stored.get(`${k.workspaceId}:${k.id}`), registered.get(k.workspaceId)!),
        ).catch((error: Error) => error),
      ),
    );
  };
}
