import { badRequest, unprocessable } from './api-error.js';

/**
 * Readers for request input. Query values arrive as strings and JSON bodies as typed values; each
 * reader accepts both forms of a value (REFERENCE §0: tolerate both doc sets' request forms).
 * Missing required input is a 400, present-but-invalid input a 422 (GAPS G6); every message names
 * the parameter, what was expected and what came.
 */
export type Source = Record<string, unknown>;

const isMissing = (value: unknown) => value === undefined || value === null || value === '';
const show = (value: unknown) => JSON.stringify(value) ?? String(value);

export function optionalInt(
  source: Source,
  name: string,
  range: { min?: number; max?: number } = {},
): number | undefined {
  const raw = source[name];
  if (isMissing(raw)) return undefined;
  const value =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value)) throw unprocessable(`${name} must be an integer, got ${show(raw)}`);
  if (range.min !== undefined && value < range.min)
    throw unprocessable(`${name} must be at least ${range.min}, got ${value}`);
  if (range.max !== undefined && value > range.max)
    throw unprocessable(`${name} must be at most ${range.max}, got ${value}`);
  return value;
}

export function requiredInt(
  source: Source,
  name: string,
  range: { min?: number; max?: number } = {},
): number {
  const value = optionalInt(source, name, range);
  if (value === undefined) throw badRequest(`${name} is required`);
  return value;
}

export function optionalNumber(
  source: Source,
  name: string,
  range: { min?: number } = {},
): number | undefined {
  const raw = source[name];
  if (isMissing(raw)) return undefined;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  if (!Number.isFinite(value)) throw unprocessable(`${name} must be a number, got ${show(raw)}`);
  if (range.min !== undefined && value < range.min)
    throw unprocessable(`${name} must be at least ${range.min}, got ${value}`);
  return value;
}

export function requiredNumber(source: Source, name: string, range: { min?: number } = {}): number {
  const value = optionalNumber(source, name, range);
  if (value === undefined) throw badRequest(`${name} is required`);
  return value;
}

export function optionalString(
  source: Source,
  name: string,
  limits: { maxLength?: number } = {},
): string | undefined {
  const raw = source[name];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') throw unprocessable(`${name} must be a string, got ${show(raw)}`);
  const maxLength = limits.maxLength ?? 255;
  if (raw.length > maxLength) {
    throw unprocessable(`${name} must be at most ${maxLength} characters, got ${raw.length}`);
  }
  return raw;
}

export function requiredString(source: Source, name: string, limits: { maxLength?: number } = {}): string {
  const value = optionalString(source, name, limits);
  if (value === undefined || value.trim() === '') throw badRequest(`${name} is required`);
  return value;
}

export function optionalEmail(source: Source, name: string): string | undefined {
  const value = optionalString(source, name);
  if (value !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    throw unprocessable(`${name} must be a valid email address, got ${show(value)}`);
  }
  return value;
}

export function requiredEmail(source: Source, name: string): string {
  const value = optionalEmail(source, name);
  if (value === undefined || value === '') throw badRequest(`${name} is required`);
  return value;
}

export function optionalEnum<T extends string | number>(
  source: Source,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const raw = source[name];
  if (isMissing(raw)) return undefined;
  const match = allowed.find((candidate) => String(candidate) === String(raw));
  if (match === undefined) {
    throw unprocessable(`${name} must be one of ${allowed.map((v) => show(v)).join(', ')}, got ${show(raw)}`);
  }
  return match;
}

export function requiredEnum<T extends string | number>(
  source: Source,
  name: string,
  allowed: readonly T[],
): T {
  const value = optionalEnum(source, name, allowed);
  if (value === undefined) throw badRequest(`${name} is required`);
  return value;
}

export function optionalBool(source: Source, name: string): boolean | undefined {
  const raw = source[name];
  if (isMissing(raw)) return undefined;
  if (raw === true || raw === 1 || raw === 'true' || raw === '1') return true;
  if (raw === false || raw === 0 || raw === 'false' || raw === '0') return false;
  throw unprocessable(`${name} must be a boolean (true/false or 1/0), got ${show(raw)}`);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `Y-m-d`; impossible dates such as 2024-02-30 are rejected. */
export function optionalDate(source: Source, name: string): string | undefined {
  const raw = source[name];
  if (isMissing(raw)) return undefined;
  const match = typeof raw === 'string' ? DATE.exec(raw) : null;
  const date = match ? new Date(`${raw as string}T00:00:00Z`) : null;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw) {
    throw unprocessable(`${name} must be a date in Y-m-d format (e.g. 2024-01-15), got ${show(raw)}`);
  }
  return raw as string;
}

export function requiredDate(source: Source, name: string): string {
  const value = optionalDate(source, name);
  if (value === undefined) throw badRequest(`${name} is required`);
  return value;
}

/** An ISO 8601 date-time (`2024-01-15T10:30:00Z`, with offset or fractions); returned as a Date. */
export function optionalDateTime(source: Source, name: string): Date | undefined {
  const raw = source[name];
  if (isMissing(raw)) return undefined;
  const ok =
    typeof raw === 'string' &&
    /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(raw);
  const date = ok ? new Date(raw as string) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw unprocessable(
      `${name} must be an ISO 8601 date-time (e.g. 2024-01-15T09:00:00Z), got ${show(raw)}`,
    );
  }
  return date;
}

export function requiredDateTime(source: Source, name: string): Date {
  const value = optionalDateTime(source, name);
  if (value === undefined) throw badRequest(`${name} is required`);
  return value;
}

/** `date_to` before `date_from` (or any end before its start) is a 422. */
export function assertOrdered(
  fromName: string,
  from: string | Date,
  toName: string,
  to: string | Date,
  strict = false,
) {
  const a = typeof from === 'string' ? from : from.getTime();
  const b = typeof to === 'string' ? to : to.getTime();
  if (b < a || (strict && b === a)) {
    throw unprocessable(`${toName} must be ${strict ? 'after' : 'on or after'} ${fromName}`);
  }
}

/** Days between two Y-m-d dates, inclusive of both ends. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Path ids: integers for most resources; a non-integer is a 404 naming the resource. */
export function pathInt(params: Source, name: string, resource: string): number {
  const raw = params[name];
  if (typeof raw !== 'string' || !/^\d+$/.test(raw))
    throw unprocessable(`${name} must be an integer id of a ${resource}, got ${show(raw)}`);
  return Number(raw);
}

/** An array of strings, from JSON or from a comma-separated / repeated form field. */
export function optionalStringArray(source: Source, name: string): string[] | undefined {
  const raw = source[name] ?? source[`${name}[]`];
  if (isMissing(raw)) return undefined;
  const list = Array.isArray(raw)
    ? raw
    : typeof raw === 'string'
      ? raw.split(',').map((s) => s.trim())
      : null;
  if (!list || list.some((item) => typeof item !== 'string')) {
    throw unprocessable(`${name} must be an array of strings, got ${show(raw)}`);
  }
  return list as string[];
}
