import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { DASHBOARD_BODY, DASHBOARD_HEADERS, type Verifier } from './dashboard-query.js';

export interface LoadResult {
  connections: number;
  leadInSeconds: number;
  /** Length of the measured window (after the lead-in). */
  windowSeconds: number;
  /** 2xx responses completed within the measured window. */
  responses: number;
  requestsPerSecond: number;
  /**
   * `steady`: responses in the window except each connection's first (its wait to be accepted);
   * `all`: every response in the window (used when `steady` leaves fewer than 2 per connection,
   * i.e. when one response takes seconds and connection setup is negligible beside it).
   */
  latencyBasis: 'steady' | 'all';
  latencySamples: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  /** Connections that completed at least one response during the whole run. */
  connectionsAnswered: number;
  /** Whole run (lead-in included): responses checked, non-2xx, connection errors, wrong bodies. */
  checked: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;

/**
 * Runs the dashboard query against `${baseUrl}/graphql` at a fixed number of connections (each
 * keeps one request in flight: closed loop, no pipelining) for `leadInSeconds + windowSeconds`, and
 * measures the window only. Why a lead-in: autocannon opens every connection at once, and a
 * CPU-saturated Node server serves new connections about one per event-loop turn, so for the first
 * second(s) fewer connections are really active (reproduced with a bare node:http server burning
 * 3 ms per request). `onWindowStart` runs when the window opens (e.g. to snapshot CPU).
 * Every response body goes through `verifier`.
 */
export async function runLoad(
  baseUrl: string,
  connections: number,
  windowSeconds: number,
  verifier: Verifier,
  options: { leadInSeconds?: number; onWindowStart?: () => Promise<void> } = {},
): Promise<LoadResult> {
  const leadInSeconds = options.leadInSeconds ?? 1;
  const start = performance.now();
  const windowStart = start + leadInSeconds * 1000;
  const perConnection = new Map<object, number>();
  const steady: number[] = [];
  const all: number[] = [];
  const instance = autocannon({
    url: `${baseUrl}/graphql`,
    method: 'POST',
    headers: DASHBOARD_HEADERS,
    body: DASHBOARD_BODY,
    connections,
    pipelining: 1,
    duration: leadInSeconds + windowSeconds,
    timeout: 30,
    verifyBody: (body) => verifier.check(String(body)),
    // Without a callback autocannon returns its event-emitting instance, which is also a promise.
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on('response', (client: object, statusCode: number, _bytes: number, responseTime: number) => {
    const nth = (perConnection.get(client) ?? 0) + 1;
    perConnection.set(client, nth);
    if (statusCode < 200 || statusCode > 299 || performance.now() < windowStart) return;
    all.push(responseTime);
    if (nth > 1) steady.push(responseTime);
  });
  const windowOpened = sleep(leadInSeconds * 1000).then(() => options.onWindowStart?.());
  const result = await instance;
  await windowOpened;
  const windowMs = Math.max(1, start + (leadInSeconds + windowSeconds) * 1000 - windowStart);
  const basis = steady.length >= 2 * connections ? 'steady' : 'all';
  const latencies = (basis === 'steady' ? steady : all).sort((a, b) => a - b);
  return {
    connections,
    leadInSeconds,
    windowSeconds: windowMs / 1000,
    responses: all.length,
    requestsPerSecond: all.length / (windowMs / 1000),
    latencyBasis: basis,
    latencySamples: latencies.length,
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
    latencyMaxMs: latencies.at(-1) ?? NaN,
    connectionsAnswered: perConnection.size,
    checked: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
  };
}
