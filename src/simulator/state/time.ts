/** Wire formats for times (REFERENCE §1): the API mixes several, so they are built in one place. */

/** `2024-01-15T10:30:00Z` */
export const isoSeconds = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
/** `2024-01-15T10:30:00+00:00` (start/stop tracking responses) */
export const isoOffset = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
/** `2025-02-19T19:24:55.000000Z` (workspace created_at) */
export const isoMicros = (date: Date): string => date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
/** `2025-02-19 19:24:55` (workspace activated_at) */
export const sqlDateTime = (date: Date): string => date.toISOString().slice(0, 19).replace('T', ' ');
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
