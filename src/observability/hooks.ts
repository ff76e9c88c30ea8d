/**
 * The observation points other modules call, as plain interfaces with no dependency on prom-client
 * or OpenTelemetry. Each is optional where it is used; leaving it out observes nothing.
 */
import type { CacheReadResult } from './metrics.js';

/** Told about every upstream call of the UpstreamClient. */
export interface UpstreamObserver {
  /** A call is about to be sent (after its budget was granted). */
  start(method: string, path: string): UpstreamCallObservation;
}

export interface UpstreamCallObservation {
  /** An attempt failed and will be retried. */
  retried(error: unknown): void;
  /** The call ended with a response (2xx/3xx). */
  succeeded(status: number): void;
  /** The call ended in an error (an HTTP error status, a timeout, a refused connection, ...). */
  failed(error: unknown): void;
}

/** Told what became of every read of the ResponseCache. */
export interface CacheObserver {
  read(result: CacheReadResult): void;
}
