import { toIsoDateTime } from '../catalogue/dates.js';
import { type EventSubject, WEBWORK_EVENTS } from '../catalogue/events.js';
import type { TrackerSnapshot } from './live-event.js';

/**
 * One webhook delivery as the gateway understands it. Assumption (GAPS Webhooks, delivery; REFERENCE
 * §7: payload, headers and signing are NOT documented): `POST` with JSON
 * `{"event", "workspace_id", "timestamp", "data"}`, `timestamp` ISO 8601 (the simulator's format,
 * src/simulator/webhooks/delivery.ts), `data` the resource's wire object.
 */
export interface DeliveryEnvelope {
  event: string;
  workspaceId: number;
  /** ISO 8601 UTC. */
  timestamp: string;
  data: Record<string, unknown>;
}

export interface Delivery extends DeliveryEnvelope {
  subject: EventSubject;
}

export type Parsed<T> =
  { ok: true; value: T } | { ok: false; reason: 'malformed' | 'unknown_event'; message: string };

const malformed = (message: string) => ({ ok: false, reason: 'malformed', message }) as const;
const positiveInt = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The envelope, enough to find whose token to check; nothing in it is trusted yet. */
export function parseEnvelope(body: Buffer): Parsed<DeliveryEnvelope> {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return malformed('The body is not valid JSON.');
  }
  if (!isObject(json)) return malformed('The body must be a JSON object.');
  const { event, workspace_id: workspaceId, timestamp, data } = json;
  if (typeof event !== 'string' || event.length > 64) return malformed('"event" must be an event name.');
  if (!positiveInt(workspaceId)) return malformed('"workspace_id" must be a positive integer.');
  const at = typeof timestamp === 'string' ? toIsoDateTime(timestamp) : null;
  if (!at) return malformed('"timestamp" must be an ISO 8601 date-time.');
  if (!isObject(data)) return malformed('"data" must be an object.');
  return { ok: true, value: { event, workspaceId, timestamp: at, data } };
}

/**
 * Which member or project the event is about. Assumption (payload inferred, REFERENCE §7):
 * tracker events name the member as `data.user_id`; member events as `data.user_id` or (the
 * member's wire object) `data.id`; project events as `data.project_id` or `data.id`.
 */
export function parseSubject(envelope: DeliveryEnvelope): Parsed<Delivery> {
  const { event, workspaceId, data } = envelope;
  if (!WEBWORK_EVENTS.some((e) => e.name === event)) {
    return { ok: false, reason: 'unknown_event', message: `Unknown event "${event}".` };
  }
  const family = event.split('.')[0];
  const id =
    family === 'tracker'
      ? data.user_id
      : family === 'member'
        ? (data.user_id ?? data.id)
        : (data.project_id ?? data.id);
  if (!positiveInt(id))
    return malformed(`"data" of ${event} must name its ${family === 'project' ? 'project' : 'member'} id.`);
  const subject: EventSubject =
    family === 'project' ? { workspaceId, projectId: id } : { workspaceId, userId: id };
  return { ok: true, value: { ...envelope, subject } };
}

const intOrNull = (value: unknown) => (positiveInt(value) ? value : null);
const textOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

/** The tracker a tracker.* event tells, as of the event's timestamp (source WEBHOOK). */
export function snapshotOf(delivery: Delivery): TrackerSnapshot {
  const running = delivery.event === 'tracker.started';
  const d = delivery.data;
  return {
    workspaceId: delivery.workspaceId,
    userId: delivery.subject.userId!,
    isRunning: running,
    activityDescription: running ? textOrNull(d.activity_description) : null,
    startedAt: running && typeof d.start_time === 'string' ? toIsoDateTime(d.start_time) : null,
    contractId: running ? intOrNull(d.contract_id) : null,
    projectId: running ? intOrNull(d.project_id) : null,
    taskId: running ? intOrNull(d.task_id) : null,
    taskTitle: running ? textOrNull(d.task_title) : null,
    asOf: delivery.timestamp,
    source: 'WEBHOOK',
  };
}
