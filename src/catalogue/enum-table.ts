import { GatewayError } from '../errors/gateway-error.js';

/**
 * Reads an upstream enum value through a table. An unexpected value is not guessed at (that would
 * be a silent wrong answer): it fails loudly with a message that names the field and the value.
 */
export function fromUpstream<T>(table: Readonly<Record<string, T>>, value: unknown, field: string): T {
  const mapped = table[String(value)];
  if (mapped === undefined) {
    throw new GatewayError(
      'INTERNAL_SERVER_ERROR',
      `WebWork returned an unexpected ${field} value "${String(value)}"`,
    );
  }
  return mapped;
}

/** Inverts a `{ enumValue: upstreamValue }` table for reading upstream values. */
export const invert = <K extends string, V extends string | number>(
  table: Readonly<Record<K, V>>,
): Record<string, K> =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [String(v), k])) as Record<string, K>;
