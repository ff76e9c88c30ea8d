/** Wire formats for times (REFERENCE §1): the API mixes several, so they are built in one place. */

/** `2024-01-15T10:30:00Z` */
export const isoSeconds = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
/** `2024-01-15T10:30:00+00:00` (start/stop tracking responses) */
export const isoOffset = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
/** `2025-02-19T19:24:55.000000Z` (workspace created_at) */
export const isoMicros = (date: Date): string => date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
/** `2025-02-19 19:24:55` (workspace activated_at) */
export const sqlDateTime = (date: Date): string => date.toISOString().slice(0, 19).replace('T', ' ');
/**
 * `2024-01-15T14:30:00+04:00`: the instant as wall-clock time in an IANA time zone with its UTC
 * offset (the daily timeline's "workspace owner's timezone offset"). A null zone is UTC.
 */
export function isoInZone(date: Date, timeZone: string | null): string {
  if (!timeZone || timeZone === 'UTC') return isoOffset(date);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  // `longOffset` gives "GMT+04:00", or plain "GMT" for a zero offset.
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : String(parts.timeZoneName).slice(3);
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** The calendar date (`2024-01-15`) of an instant in an IANA time zone; a null zone is UTC. */
export const ymdInZone = (date: Date, timeZone: string | null): string =>
  isoInZone(date, timeZone).slice(0, 10);

/** `2024-01-15` */
export const ymd = (date: Date): string => date.toISOString().slice(0, 10);
/** `Jan 15, 2024` (expense dates) */
export const prettyDate = (isoDate: string): string =>
  new Date(`${isoDate.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });

export const DAY_MS = 86_400_000;
export const addDays = (isoDate: string, days: number): string =>
  ymd(new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS));
