import { WEBWORK_EVENTS } from '../catalogue/events.js';
import type { LiveBus } from './live-bus.js';
import type { LiveEvent } from './live-event.js';
import type { TrackerStore } from './tracker-store.js';
import { type Delivery, snapshotOf } from './webhook-payload.js';

export interface ApplyDeps {
  /** The response cache's tag invalidation: every caller's entries, every tier and instance. */
  invalidate(tags: readonly string[]): Promise<void>;
  store: TrackerStore;
  bus: LiveBus;
}

/**
 * What an accepted (verified, first-seen) event changes, in this order:
 * 1. tracker.*: the store takes the event's snapshot (newest wins, so a late delivery of an older
 *    event changes nothing);
 * 2. the cached reads the event makes stale (catalogue/events.ts) are invalidated for every caller,
 *    so the next read of anyone finds the store already updated;
 * 3. the live event goes to the bus (every instance's subscribers), for a tracker only when the
 *    store's state changed: an older or repeated event would tell subscribers something false.
 */
export async function applyDelivery(delivery: Delivery, deps: ApplyDeps): Promise<void> {
  const { event, workspaceId, subject, timestamp } = delivery;
  const declared = WEBWORK_EVENTS.find((e) => e.name === event)!;
  let live: LiveEvent | undefined;
  if (event.startsWith('tracker.')) {
    const tracker = snapshotOf(delivery);
    if (await deps.store.put(tracker))
      live = { kind: 'tracker', workspaceId, userId: tracker.userId, event, tracker };
  } else if (subject.projectId !== undefined) {
    live = { kind: 'project', workspaceId, projectId: subject.projectId, event, at: timestamp };
  } else {
    live = { kind: 'member', workspaceId, userId: subject.userId!, event, at: timestamp };
  }
  await deps.invalidate(declared.stale(subject));
  if (live) await deps.bus.publish(live);
}
