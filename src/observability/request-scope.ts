import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Span } from '@opentelemetry/api';

/** What the gateway knows about the HTTP request being served, wherever in its async work it is asked. */
export interface RequestScope {
  readonly requestId: string;
  /** The operation span while tracing is on; upstream call spans are its children. */
  span?: Span;
  /** Filled in by the Apollo plugin once Apollo has resolved the operation. */
  operation?: { name: string; type: string };
  /** ok (no errors), partial (data and errors) or error (no data), set when Apollo sends the response. */
  outcome?: Outcome;
  /** The caller as logs name them (`CallerScope.logId`), never the token. */
  caller?: string;
}

export type Outcome = 'ok' | 'partial' | 'error';

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` with `scope` as the current request: log lines, metrics and spans made inside find it. */
export function withRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The request being served, or undefined outside one (start-up, timers, Redis events). */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}

/**
 * Accepts an incoming `x-request-id` only when it is sane: 1 to 128 characters of letters, digits
 * and `._:-+/=` (UUIDs, ULIDs, trace ids, base64). Anything else, or none, gets a fresh UUID, so a
 * client cannot put arbitrary text (or a very long value) into every log line of its request.
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && /^[A-Za-z0-9._:+/=-]{1,128}$/.test(value) ? value : randomUUID();
}
