import type { LiveEvent, TrackerSnapshot } from '../../src/live/live-event.js';
import type { Subscribed } from './ws-client.js';

/** A tracker event as the receiver or a mutation would publish it. */
export function trackerEvent(
  workspaceId: number,
  userId: number,
  change: Partial<TrackerSnapshot> = {},
): LiveEvent {
  return {
    kind: 'tracker',
    workspaceId,
    userId,
    event: change.isRunning === false ? 'tracker.stopped' : 'tracker.started',
    tracker: {
      workspaceId,
      userId,
      isRunning: true,
      activityDescription: 'Live test',
      startedAt: '2026-11-30T09:00:00.000Z',
      projectId: null,
      taskId: null,
      asOf: new Date().toISOString(),
      source: 'WEBHOOK',
      ...change,
    },
  };
}

export const memberEvent = (workspaceId: number, userId: number, event = 'member.updated'): LiveEvent => ({
  kind: 'member',
  workspaceId,
  userId,
  event,
  at: new Date().toISOString(),
});

export const projectEvent = (
  workspaceId: number,
  projectId: number,
  event = 'project.updated',
): LiveEvent => ({
  kind: 'project',
  workspaceId,
  projectId,
  event,
  at: new Date().toISOString(),
});

/**
 * Waits until the server side of `subscription` listens: publishes `probe` until the subscription
 * receives it (the subscribe message and its access check are asynchronous), then forgets what it
 * received. Fails after `timeoutMs`.
 */
export async function untilListening(
  subscription: Subscribed,
  publishProbe: () => Promise<void>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (subscription.results.length === 0) {
    if (Date.now() > deadline) throw new Error('the subscription never received a probe');
    await publishProbe();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, 100)); // probes still in flight
  subscription.results.length = 0;
}
