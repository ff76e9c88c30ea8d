import { badUserInput, GatewayError } from '../errors/gateway-error.js';
import { MemberRole } from '../catalogue/members.enums.js';
import type { WorkspaceRecord } from '../catalogue/workspaces.operations.js';

/** Checks for the expenses, time entries, reports and webhooks arguments (before any upstream call). */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function uuid(argument: string, value: string): string {
  if (!UUID.test(value))
    throw badUserInput(argument, `${argument} must be a UUID, got ${JSON.stringify(value)}`);
  return value;
}

/** A non-empty opaque upstream id (time entries and webhooks use encoded strings). */
export function opaqueId(argument: string, value: string): string {
  if (value.trim() === '' || value.length > 200 || /[/?#\s]/.test(value)) {
    throw badUserInput(
      argument,
      `${argument} must be an id as WebWork returned it, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export function positiveAmount(argument: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw badUserInput(argument, `${argument} must be a number greater than 0, got ${value}`);
  }
  return value;
}

export function nonEmpty(argument: string, value: string, max: number): string {
  if (value.trim() === '' || value.length > max) {
    throw badUserInput(argument, `${argument} must be 1..${max} characters, got ${value.length}`);
  }
  return value;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export function clock(argument: string, value: string): string {
  if (!CLOCK.test(value))
    throw badUserInput(argument, `${argument} must be HH:mm (24 h), got ${JSON.stringify(value)}`);
  return value;
}

export function httpUrl(argument: string, value: string, max: number): string {
  let parsed: URL | null = null;
  try {
    parsed = new URL(value);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || value.length > max) {
    throw badUserInput(
      argument,
      `${argument} must be an absolute http(s) URL of at most ${max} characters, got ${JSON.stringify(value.slice(0, 100))}`,
    );
  }
  return value;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** `from` ≤ `to`, and (with `maxDays`) at most that many days, both ends included. */
export function dateRange(
  fromArg: string,
  from: string | null | undefined,
  toArg: string,
  to: string | null | undefined,
  maxDays?: number,
): void {
  if (from == null || to == null) return;
  if (to < from) throw badUserInput(toArg, `${toArg} (${to}) must be on or after ${fromArg} (${from})`);
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (maxDays !== undefined && days > maxDays) {
    throw badUserInput(
      toArg,
      `${fromArg}..${toArg} may span at most ${maxDays} days, got ${days} (${from} to ${to})`,
    );
  }
}

export function intRange(argument: string, value: number | null | undefined, min: number, max: number): void {
  if (value != null && (!Number.isSafeInteger(value) || value < min || value > max)) {
    throw badUserInput(argument, `${argument} must be an integer ${min}..${max}, got ${value}`);
  }
}

const ADMINS: readonly MemberRole[] = [MemberRole.OWNER, MemberRole.EXECUTIVE_MANAGER];

/**
 * Reports, expenses, time entries and webhooks are for Owners and Executive Managers (REFERENCE
 * §10.10, §10.12-14): a caller of another role is refused without spending an upstream call.
 */
export function requireAdmin(workspace: WorkspaceRecord, what: string): void {
  if (!ADMINS.includes(workspace.viewerRole)) {
    throw new GatewayError(
      'FORBIDDEN',
      `Only Owners and Executive Managers may read ${what}; your role in workspace ${workspace.workspaceId} is ${workspace.viewerRole}.`,
    );
  }
}
