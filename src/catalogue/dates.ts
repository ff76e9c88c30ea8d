/**
 * WebWork mixes date formats (REFERENCE §1): ISO with `Z`, with `+00:00`, with microseconds,
 * `Y-m-d H:i:s`, and pre-formatted `Jan 15, 2024`. The graph exposes one format per kind:
 * `DateTime` as ISO 8601 UTC and `Date` as `Y-m-d`. These functions are the only place that knows
 * the upstream spellings. An unreadable value becomes null rather than a wrong date.
 */

/** Any upstream timestamp → `2024-01-15T10:30:00.000Z`, or null. */
export function toIsoDateTime(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  // `Y-m-d H:i:s` carries no zone; the API's timestamps are UTC (GAPS G13).
  const normalised = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(value)
    ? `${value.replace(' ', 'T')}Z`
    : value;
  const time = Date.parse(normalised);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/** `2024-01-15`, `2024-01-15T...`, or `Jan 15, 2024` → `2024-01-15`, or null. */
export function toIsoDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  if (iso) return iso[1]!;
  const pretty = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4})$/.exec(value.trim());
  const month = pretty ? MONTHS[pretty[1]!.toLowerCase()] : undefined;
  return pretty && month ? `${pretty[3]}-${month}-${pretty[2]!.padStart(2, '0')}` : null;
}
