import { badUserInput } from '../errors/gateway-error.js';

/**
 * Argument checks done before any upstream call (a bad argument should not spend the caller's
 * WebWork budget). Each error names the argument, what was expected and what came.
 */
export function positiveId(argument: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw badUserInput(argument, `${argument} must be a positive integer id, got ${value}`);
  }
  return value;
}

export function maxLength(argument: string, value: string | null | undefined, max: number): void {
  if (value != null && value.length > max) {
    throw badUserInput(argument, `${argument} must be at most ${max} characters, got ${value.length}`);
  }
}
