import { badUserInput, GatewayError } from '../errors/gateway-error.js';

/**
 * Checks of the approval groups (time requests, leaves) done before any upstream call, and the
 * naming of what WebWork refused. Each error names the argument, what was expected and what came.
 */

/** WebWork's string ids: encrypted strings (doc set A) or UUIDs (doc set B). */
const STRING_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function stringId(argument: string, value: string, what: string): string {
  if (typeof value !== 'string' || !STRING_ID.test(value)) {
    throw badUserInput(
      argument,
      `${argument} must be a ${what} id (1..100 letters, digits, "-" or "_"), got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** `from` on or before `to` (both `Y-m-d`, compared as text), when both are given. */
export function dateRange(
  fromArgument: string,
  from: string | null | undefined,
  toArgument: string,
  to: string | null | undefined,
): void {
  if (from != null && to != null && from > to) {
    throw badUserInput(toArgument, `${toArgument} must be on or after ${fromArgument} (${from}), got ${to}`);
  }
}

/** A required text: not blank, at most `max` characters. */
export function requiredText(argument: string, value: string, max: number): string {
  if (value.trim() === '') throw badUserInput(argument, `${argument} must not be empty: WebWork requires it`);
  if (value.length > max) {
    throw badUserInput(argument, `${argument} must be at most ${max} characters, got ${value.length}`);
  }
  return value;
}

/** `2024-01-15T09:00:00.000Z` → `2024-01-15T09:00:00Z` (ISO 8601 as WebWork shows it). */
export const wireDateTime = (date: Date): string => date.toISOString().replace(/\.000Z$/, 'Z');

/**
 * Runs one upstream write of a mutation and names what was refused: a 403 says which mutation on
 * which object WebWork refused (and WebWork's reason, which names the role); a business-rule
 * refusal (400/422 naming no parameter, e.g. "already approved") names the object's id argument.
 */
export async function naming<T>(
  mutation: string,
  idArgument: string,
  id: string | number,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    if (error.code === 'FORBIDDEN') {
      throw new GatewayError(
        'FORBIDDEN',
        `WebWork refused ${mutation} for ${idArgument} ${JSON.stringify(id)}: ${error.message.replace(/^Not allowed by WebWork: /, '')}`,
      );
    }
    if (error.code === 'BAD_USER_INPUT' && error.extensions.argument === 'input') {
      throw new GatewayError('BAD_USER_INPUT', error.message, { ...error.extensions, argument: idArgument });
    }
    throw error;
  }
}
