import type { LiveEvent, TrackerSnapshot } from './live-event.js';

const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const isText = (value: unknown): value is string => typeof value === 'string';
const nullOr =
  <T>(check: (v: unknown) => v is T) =>
  (value: unknown) =>
    value === null || check(value);
const isBool = (value: unknown): value is boolean => typeof value === 'boolean';
const SOURCES = new Set(['WEBHOOK', 'UPSTREAM_READ', 'MUTATION']);

function isSnapshot(value: unknown, workspaceId: number, userId: number): value is TrackerSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    s.workspaceId === workspaceId &&
    s.userId === userId &&
    nullOr(isBool)(s.isRunning) &&
    nullOr(isText)(s.activityDescription) &&
    nullOr(isText)(s.startedAt) &&
    nullOr(isId)(s.projectId) &&
    nullOr(isId)(s.taskId) &&
    isText(s.asOf) &&
    SOURCES.has(s.source as string)
  );
}

/**
 * Whether a message that came over Redis is a LiveEvent this gateway can serve. Anyone who can
 * publish on the channel could send anything: an event whose ids are not ids, or whose tracker
 * belongs to another workspace or member than the event names, would reach the wrong subscribers.
 */
export function isLiveEvent(value: unknown): value is LiveEvent {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  if (!isId(e.workspaceId) || !isText(e.event)) return false;
  switch (e.kind) {
    case 'tracker':
      return isId(e.userId) && isSnapshot(e.tracker, e.workspaceId, e.userId);
    case 'member':
      return isId(e.userId) && isText(e.at);
    case 'project':
      return isId(e.projectId) && isText(e.at);
    default:
      return false;
  }
}
