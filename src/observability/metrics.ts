import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { BoundedLabels } from './labels.js';
import type { Outcome } from './request-scope.js';

/** What became of one cached read (exactly one per read; see ResponseCache). */
export type CacheReadResult = 'hit' | 'stale' | 'miss' | 'stale_on_error';

/** The gateway's measurements. `noopMetrics` when METRICS_ENABLED=false. */
export interface Metrics {
  /** One GraphQL request answered: its operation (bounded label), outcome and duration. */
  operation(name: string, outcome: Outcome, seconds: number): void;
  /** One upstream attempt (a retry is another), by route template and status (or `timeout`, ...). */
  upstreamAttempt(method: string, route: string, status: string): void;
  /** One upstream call (with its retries) took this long. */
  upstreamCall(method: string, route: string, seconds: number): void;
  cacheRead(result: CacheReadResult): void;
  /** A whole response was reused without running Apollo (x-gateway-cache: hit). */
  wholeResponseHit(): void;
  /** The rate budget answered after `seconds`: allowed or refused (the call is not made). */
  budgetDecision(allowed: boolean, seconds: number): void;
  /** An upstream 429 blocked a caller's budget for its Retry-After. */
  budgetBlock(): void;
  inFlight(delta: 1 | -1): void;
}

export const noopMetrics: Metrics = {
  operation() {},
  upstreamAttempt() {},
  upstreamCall() {},
  cacheRead() {},
  wholeResponseHit() {},
  budgetDecision() {},
  budgetBlock() {},
  inFlight() {},
};

/** Distinct operation names kept as labels; later new names count as `(other)`. */
export const MAX_OPERATION_LABELS = 100;
/** Distinct upstream route templates kept as labels (the gateway uses about a dozen). */
export const MAX_ROUTE_LABELS = 50;

/**
 * Process metrics (CPU, memory, event loop lag, GC, handles) describe the process, not one gateway
 * instance, so they are collected once, in a registry of their own, and appended to every scrape.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * Prometheus metrics of one gateway instance (prom-client), in a registry of its own so several
 * instances in one process (tests) never mix. Names are listed in the README ("Operations").
 */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly operationNames = new BoundedLabels(MAX_OPERATION_LABELS);
  private readonly routes = new BoundedLabels(MAX_ROUTE_LABELS);
  private readonly operations: Counter<'operation' | 'outcome'>;
  private readonly operationSeconds: Histogram<'operation' | 'outcome'>;
  private readonly upstreamAttempts: Counter<'method' | 'route' | 'status'>;
  private readonly upstreamSeconds: Histogram<'method' | 'route'>;
  private readonly cacheReads: Counter<'result'>;
  private readonly wholeResponses: Counter;
  private readonly budgetDecisions: Counter<'decision'>;
  private readonly budgetWait: Histogram;
  private readonly budgetBlocks: Counter;
  private readonly inFlightGauge: Gauge;

  constructor(options: { redisUp?: () => number | undefined } = {}) {
    const registers = [this.registry];
    this.operations = new Counter({
      name: 'wwgw_graphql_operations_total',
      help: 'GraphQL requests answered, by operation name and outcome (ok, partial, error)',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.operationSeconds = new Histogram({
      name: 'wwgw_graphql_operation_duration_seconds',
      help: 'Time from request to response of GraphQL requests, by operation name and outcome',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.upstreamAttempts = new Counter({
      name: 'wwgw_upstream_requests_total',
      help: 'HTTP requests sent to WebWork (each retry counts), by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.upstreamSeconds = new Histogram({
      name: 'wwgw_upstream_request_duration_seconds',
      help: 'Time of upstream calls to WebWork, retries included, by method and route template',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.cacheReads = new Counter({
      name: 'wwgw_cache_reads_total',
      help: 'Cached upstream reads: hit (fresh), stale (served while refreshed), miss (loaded), stale_on_error (load failed, stale entry served)',
      labelNames: ['result'],
      registers,
    });
    this.wholeResponses = new Counter({
      name: 'wwgw_cache_whole_response_hits_total',
      help: 'GraphQL responses reused whole, without running Apollo',
      registers,
    });
    this.budgetDecisions = new Counter({
      name: 'wwgw_budget_decisions_total',
      help: 'Rate budget decisions before upstream calls: allowed, or refused (answered RATE_LIMITED)',
      labelNames: ['decision'],
      registers,
    });
    this.budgetWait = new Histogram({
      name: 'wwgw_budget_wait_seconds',
      help: 'Time an upstream call waited for its rate budget decision (a Redis round trip, or local)',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    });
    this.budgetBlocks = new Counter({
      name: 'wwgw_budget_upstream_blocks_total',
      help: 'Upstream 429 answers that blocked a caller for their Retry-After',
      registers,
    });
    this.inFlightGauge = new Gauge({
      name: 'wwgw_http_requests_in_flight',
      help: 'HTTP requests being served',
      registers,
    });
    if (options.redisUp) {
      const redisUp = options.redisUp;
      new Gauge({
        name: 'wwgw_redis_up',
        help: '1 while the Redis connection is ready, 0 otherwise (absent without REDIS_URL)',
        registers,
        collect() {
          const value = redisUp();
          if (value !== undefined) this.set(value);
        },
      });
    }
  }

  operation(name: string, outcome: Outcome, seconds: number): void {
    const labels = { operation: this.operationNames.get(name), outcome };
    this.operations.inc(labels);
    this.operationSeconds.observe(labels, seconds);
  }

  upstreamAttempt(method: string, route: string, status: string): void {
    this.upstreamAttempts.inc({ method, route: this.routes.get(route), status });
  }

  upstreamCall(method: string, route: string, seconds: number): void {
    this.upstreamSeconds.observe({ method, route: this.routes.get(route) }, seconds);
  }

  cacheRead(result: CacheReadResult): void {
    this.cacheReads.inc({ result });
  }

  wholeResponseHit(): void {
    this.wholeResponses.inc();
  }

  budgetDecision(allowed: boolean, seconds: number): void {
    this.budgetDecisions.inc({ decision: allowed ? 'allowed' : 'refused' });
    this.budgetWait.observe(seconds);
  }

  budgetBlock(): void {
    this.budgetBlocks.inc();
  }

  inFlight(delta: 1 | -1): void {
    this.inFlightGauge.inc(delta);
  }

  /** The scrape: this instance's metrics, then the process's. */
  async render(): Promise<{ contentType: string; body: string }> {
    const [own, process] = await Promise.all([this.registry.metrics(), processMetrics().metrics()]);
    return { contentType: this.registry.contentType, body: `${own}\n${process}` };
  }
}
