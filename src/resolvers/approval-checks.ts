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

/** Body fields of the approval writes WebWork may name in a refusal, by their input field. */
const INPUT_FIELDS: Readonly<Record<string, string>> = {
  start: 'start',
  end: 'end',
  notes: 'notes',
  activity_description: 'notes',
  comment: 'comment',
  reason: 'reason',
  policy_id: 'policyId',
};
const UPSTREAM_INPUT_FIELDS = new RegExp(`^(${Object.keys(INPUT_FIELDS).join('|')})\\b`);

/**
 * Runs one upstream write of a mutation and names what was refused: a 403 says which mutation on
 * which object WebWork refused (and WebWork's reason, which names the role); a business-rule
 * refusal names the input field WebWork's message starts with (`end must be after start`), else
 * (e.g. "already approved") the object's id argument.
 */
export async function naming<T>(
  mutation: string,
  idArgument: string,
  id: string | number,
  run: () => Promise<T>,
  /** The argument a business-rule refusal is about, when not the id (a leave overlapping another: its dates). */
  ruleArgument = idArgument,
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
    const refusal = error.code === 'BAD_USER_INPUT' || error.code === 'UPSTREAM_REJECTED';
    if (refusal && error.extensions.argument === 'input') {
      const reason = error.message.replace(/^WebWork (refused \w+|rejected the request): /, '');
      const named = UPSTREAM_INPUT_FIELDS.exec(reason)?.[1];
      const argument = named ? `input.${INPUT_FIELDS[named]}` : ruleArgument;
      throw new GatewayError(error.code, error.message, { ...error.extensions, argument });
    }
    throw error;
  }
}
