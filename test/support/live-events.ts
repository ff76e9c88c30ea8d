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

/** What marks a probe: the activity of a tracker probe, the `.probe` suffix of a member or project probe's event. */
export const PROBE = 'probe';
export const trackerProbe = (workspaceId: number, userId: number) =>
  trackerEvent(workspaceId, userId, { activityDescription: PROBE });
export const memberProbe = (workspaceId: number, userId: number) =>
  memberEvent(workspaceId, userId, 'member.probe');
export const projectProbe = (workspaceId: number, projectId: number) =>
  projectEvent(workspaceId, projectId, 'project.probe');

/** Whether a subscription result is a probe's (its selection must include `activityDescription` or `event`). */
function isProbe(result: { data?: unknown }): boolean {
  const payload = Object.values((result.data ?? {}) as Record<string, unknown>)[0] as
    { activityDescription?: unknown; event?: unknown } | null | undefined;
  return payload?.activityDescription === PROBE || String(payload?.event ?? '').endsWith('.probe');
}

/**
 * Waits until the server side of `subscription` listens: publishes a probe (made by trackerProbe,
 * memberProbe or projectProbe) until the subscription receives one (the subscribe message and its
 * access check are asynchronous). From then on the subscription drops probes, also those still in
 * flight, or published for other subscriptions on the same workspace. Fails after `timeoutMs`.
 */
export async function untilListening(
  subscription: Subscribed,
  publishProbe: () => Promise<void>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!subscription.results.some(isProbe)) {
    if (Date.now() > deadline) throw new Error('the subscription never received a probe');
    await publishProbe();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  subscription.dropWhere(isProbe);
}
