import { unprocessable } from '../http/api-error.js';
import { meta, type Pagination } from '../http/envelope.js';
import {
  daysInclusive,
  optionalDate,
  optionalStringArray,
  requiredDate,
  type Source,
} from '../http/params.js';
import type { TimeEntry } from '../state/model.js';
import type { SimState } from '../state/store.js';
import type { Profile } from '../profile.js';
import { entryFromTracker } from './time-entries.views.js';
import { addDays, isoSeconds, ymd } from '../state/time.js';

/**
 * Building blocks of the reports (REFERENCE §10.13), which the docs describe in prose only.
 *
 * Assumption (GAPS G13 / Reports, time zone): every report works in UTC. A span of work belongs
 * to the UTC date it started on; clock times are rendered with an explicit `+00:00` offset, as if
 * the workspace owner's time zone were UTC.
 */

/** A piece of tracked time: a finished TimeEntry, or a running tracker up to now. */
export interface WorkSpan extends TimeEntry {
  running: boolean;
  /** Length in seconds (running: until now). */
  seconds: number;
}

/**
 * Finished entries plus running trackers (as spans ending now, id `running:<ws>:<user>`, method
 * "Web tracker"), so today's reports include time being tracked right now.
 */
export function workSpans(
  state: SimState,
  workspaceId: number,
  now: Date,
  profile: Pick<Profile, 'currentDataSeesDesktopTrackers'>,
): WorkSpan[] {
  const spans: WorkSpan[] = [];
  for (const entry of state.timeEntries.values()) {
    if (entry.workspaceId !== workspaceId) continue;
    spans.push({ ...entry, running: false, seconds: secondsBetween(entry.start, entry.end) });
  }
  for (const tracker of state.trackers.values()) {
    if (tracker.workspaceId !== workspaceId) continue;
    const end = isoSeconds(now);
    spans.push({
      ...entryFromTracker(tracker, `running:${tracker.workspaceId}:${tracker.userId}`, end, profile),
      running: true,
      seconds: secondsBetween(tracker.startedAt, end),
    });
  }
  return spans.sort((a, b) => a.start.localeCompare(b.start) || a.userId - b.userId);
}

const secondsBetween = (start: string, end: string) =>
  Math.max(0, Math.floor((Date.parse(end) - Date.parse(start)) / 1000));

export const spanDate = (span: { start: string }) => span.start.slice(0, 10);
export const toMinutes = (seconds: number) => Math.floor(seconds / 60);

/**
 * Assumption (GAPS Reports, activity level): the simulator records no mouse/keyboard activity, so
 * each tracked span gets a stable pseudo level of 30..95 % derived from its id. Manually added time
 * (and other non-tracker methods) has no activity level (null).
 */
export function activityLevel(span: Pick<TimeEntry, 'id' | 'method'>): number | null {
  if (!span.method.endsWith('tracker')) return null;
  let hash = 0x811c9dc5;
  for (let i = 0; i < span.id.length; i++) hash = Math.imul(hash ^ span.id.charCodeAt(i), 0x01000193);
  return 30 + ((hash >>> 0) % 66);
}

/**
 * Money earned by a span, or null when it earns nothing (no contract, non-billable project, no
 * rate). The hourly rate follows the contract's `rate_type`: 2 = the member's rate, 3 = the
 * project's rate (in the contract's currency), otherwise the contract's own rate.
 */
export function amountOf(
  state: SimState,
  span: WorkSpan,
  seconds = span.seconds,
): { currency: string; amount: number } | null {
  const contract = span.contractId === null ? undefined : state.contracts.get(span.contractId);
  const project = contract ? state.projects.get(contract.projectId) : undefined;
  if (!contract || !project?.isBillable) return null;
  const member = state.membership(contract.workspaceId, contract.userId);
  const [rate, currency] =
    contract.rateType === 2
      ? [member?.rate, member?.currency]
      : contract.rateType === 3
        ? [project.rate, contract.currency]
        : [contract.rate, contract.currency];
  if (!rate || !currency) return null;
  return { currency, amount: (seconds / 3600) * rate };
}

/** Adds amounts into a `{ "<CUR>": number }` map (the tracked-hours `total_amount` shape). */
export function addAmount(
  into: Record<string, number>,
  value: { currency: string; amount: number } | null,
): void {
  if (value) into[value.currency] = (into[value.currency] ?? 0) + value.amount;
}

export const roundAmounts = (amounts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(amounts).map(([c, a]) => [c, Math.round(a * 100) / 100]));

/** An integer list from JSON, a CSV string or repeated `name[]` parameters; bad items are a 422. */
export function optionalIntList(source: Source, name: string): number[] | undefined {
  const raw = source[name] ?? source[`${name}[]`];
  const list = Array.isArray(raw)
    ? raw.map((item) => String(item))
    : typeof raw === 'number'
      ? [String(raw)]
      : optionalStringArray(source, name);
  if (list === undefined) return undefined;
  const values = list.filter((s) => s.trim() !== '');
  const bad = values.find((s) => !/^\d+$/.test(s.trim()));
  if (bad !== undefined) {
    throw unprocessable(`${name} must be a list of integer ids (e.g. 1,2,3), got ${JSON.stringify(raw)}`);
  }
  return values.map(Number);
}

/**
 * `start_date`..`end_date`: both required (unless defaults are given), end not before start
 * (422), and at most `maxDays` days long when `maxDays` is set (422).
 */
export function dateRange(
  query: Source,
  options: { maxDays?: number; defaults?: { start: string; end: string } } = {},
): { start: string; end: string } {
  const start = options.defaults
    ? (optionalDate(query, 'start_date') ?? options.defaults.start)
    : requiredDate(query, 'start_date');
  const end = options.defaults
    ? (optionalDate(query, 'end_date') ?? options.defaults.end)
    : requiredDate(query, 'end_date');
  if (end < start) throw unprocessable(`end_date (${end}) must be on or after start_date (${start})`);
  const days = daysInclusive(start, end);
  if (options.maxDays !== undefined && days > options.maxDays) {
    throw unprocessable(
      `The date range may be at most ${options.maxDays} days, got ${days} (${start} to ${end})`,
    );
  }
  return { start, end };
}

/** Monday..Sunday of the week containing `now` (UTC): the tracked-hours default range. */
export function currentWeek(now: Date): { start: string; end: string } {
  const today = ymd(now);
  const monday = addDays(today, -((now.getUTCDay() + 6) % 7));
  return { start: monday, end: addDays(monday, 6) };
}

/** Every date from `start` to `end`, inclusive. */
export function datesOf(start: string, end: string): string[] {
  const dates: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** The success envelope for a report whose `data` is an object but which pages by users. */
export function okObjectPage(
  data: Record<string, unknown>,
  pagination: Pagination,
  message: string,
  showPagination: boolean,
): Record<string, unknown> {
  return { success: true, data, message, meta: meta(showPagination ? { pagination } : {}) };
}

/** `YYYY-MM-DDTHH:mm:ss+00:00` → `HH:mm`. */
export const clockOf = (iso: string) => iso.slice(11, 16);
