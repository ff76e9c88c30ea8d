import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { SpanStatusCode, type Span } from '@opentelemetry/api';
import type { RateBudget } from '../budget/rate-budget.js';
import type { OperationsConfig } from '../config/config.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { Logger } from '../logging/logger.js';
import type { RequestContext } from '../server/context.js';
import type { CacheObserver, UpstreamCallObservation, UpstreamObserver } from './hooks.js';
import { routeTemplate } from './labels.js';
import { noopMetrics, PrometheusMetrics, type Metrics } from './metrics.js';
import {
  currentRequest,
  requestIdFrom,
  withRequestScope,
  type Outcome,
  type RequestScope,
} from './request-scope.js';
import { tracingFromConfig, type Tracing } from './tracing.js';

export interface ObservabilityOptions {
  logger: Logger;
  /** Tracing built by the caller (tests: an in-memory exporter); default from the config. */
  tracing?: Tracing;
  /** 1/0 for the `wwgw_redis_up` gauge; undefined without Redis. */
  redisUp?: () => number | undefined;
}

/**
 * Request ids, metrics, tracing and the in-flight count of one gateway instance, and the hooks
 * that feed them: `around` (every HTTP request), `apolloPlugin` (operation name and outcome),
 * `upstream` (UpstreamClient), `cache` (ResponseCache) and `budget` (wraps the RateBudget).
 */
export class Observability {
  readonly metrics: Metrics;
  /** Set when METRICS_ENABLED (the /metrics route serves it). */
  readonly prometheus: PrometheusMetrics | undefined;
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;
  private idleWaiters: (() => void)[] = [];

  static async create(config: OperationsConfig, options: ObservabilityOptions): Promise<Observability> {
    const tracing = options.tracing ?? (await tracingFromConfig(config));
    return new Observability(config, options, tracing);
  }

  private constructor(
    config: OperationsConfig,
    private readonly options: ObservabilityOptions,
    readonly tracing: Tracing | undefined,
  ) {
    this.prometheus = config.metricsEnabled ? new PrometheusMetrics({ redisUp: options.redisUp }) : undefined;
    this.metrics = this.prometheus ?? noopMetrics;
  }

  /** Requests being served now. */
  get inFlightCount(): number {
    return this.inFlight.size;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /**
   * The http-server hook around every request: request id (accepted from a sane `x-request-id`,
   * else generated; echoed), the request scope for logs/spans, the in-flight count for draining,
   * and for /graphql the operation metrics, span and one log line.
   */
  readonly around = async (
    request: IncomingMessage,
    response: ServerResponse,
    handle: () => Promise<void>,
  ): Promise<void> => {
    const requestId = requestIdFrom(request.headers['x-request-id']);
    response.setHeader('x-request-id', requestId);
    response.setHeader('access-control-expose-headers', 'x-request-id');
    if (this.draining) response.setHeader('connection', 'close');
    const scope: RequestScope = { requestId };
    const pathname = (request.url ?? '/').split('?', 1)[0]!;
    const graphql = pathname === '/graphql' || pathname === '/graphql/';
    if (graphql && this.tracing) scope.span = this.tracing.startOperation(request, requestId);
    const startedAt = performance.now();
    this.inFlight.add(response);
    this.metrics.inFlight(1);
    await withRequestScope(scope, async () => {
      let failed = false;
      try {
        await handle();
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        this.inFlight.delete(response);
        this.metrics.inFlight(-1);
        if (this.inFlight.size === 0) this.notifyIdle();
        if (graphql) this.finishGraphql(request, response, scope, startedAt, failed, pathname);
      }
    });
  };

  private finishGraphql(
    request: IncomingMessage,
    response: ServerResponse,
    scope: RequestScope,
    startedAt: number,
    failed: boolean,
    path: string,
  ): void {
    const seconds = (performance.now() - startedAt) / 1000;
    const status = failed ? 500 : response.statusCode;
    const reused = response.getHeader('x-gateway-cache') === 'hit';
    if (reused) this.metrics.wholeResponseHit();
    // Apollo answered an operation (the plugin saw it; reused whole responses included, since reuse
    // happens inside Apollo's pipeline), or the HTTP layer refused the request (bad JSON, too large,
    // CSRF, method): each is an operation answered.
    // A 200 that Apollo did not run is the landing page: not an operation.
    let name: string | undefined;
    let outcome: Outcome | undefined;
    if (scope.outcome !== undefined) {
      name = scope.operation?.name ?? '(invalid)';
      outcome = failed ? 'error' : scope.outcome;
    } else if (status >= 400) {
      name = '(invalid)';
      outcome = 'error';
    }
    if (name !== undefined && outcome !== undefined) this.metrics.operation(name, outcome, seconds);
    this.options.logger.info(
      {
        method: request.method,
        path,
        status,
        ms: Math.round(seconds * 10_000) / 10,
        ...(name !== undefined ? { operation: name.slice(0, 100), outcome } : {}),
        ...(scope.caller !== undefined ? { caller: scope.caller } : {}),
        ...(reused ? { reused: true } : {}),
      },
      'graphql request',
    );
    const span = scope.span;
    if (span) {
      span.setAttribute('http.response.status_code', status);
      if (outcome) span.setAttribute('wwgw.outcome', outcome);
      if (outcome === 'error' || status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
  }

  /** Operation name and type, the caller's log id, and the outcome, into the request scope. */
  apolloPlugin(): ApolloServerPlugin<RequestContext> {
    return {
      async requestDidStart({ contextValue }) {
        const scope = currentRequest();
        if (!scope) return;
        const caller = contextValue.maybeCaller?.scope.logId;
        if (caller !== undefined) scope.caller = caller;
        return {
          async didResolveOperation({ operationName, operation }) {
            const type = operation?.operation ?? 'query';
            scope.operation = { name: operationName ?? 'anonymous', type };
            if (scope.span) {
              scope.span.updateName(`${type} ${scope.operation.name}`);
              scope.span.setAttribute('graphql.operation.name', scope.operation.name);
              scope.span.setAttribute('graphql.operation.type', type);
            }
          },
          async willSendResponse({ response }) {
            scope.outcome = outcomeOf(response);
          },
        };
      },
    };
  }

  /** Counts and times every upstream call, and traces it as a child of the request's span. */
  readonly upstream = (serverAddress: string): UpstreamObserver => ({
    start: (method, path) => this.startUpstream(method, path, serverAddress),
  });

  private startUpstream(method: string, path: string, serverAddress: string): UpstreamCallObservation {
    const route = routeTemplate(path);
    const startedAt = performance.now();
    const parent = currentRequest()?.span;
    const span: Span | undefined =
      parent && this.tracing ? this.tracing.startUpstream(parent, method, route, serverAddress) : undefined;
    let retries = 0;
    const end = (status: string) => {
      this.metrics.upstreamCall(method, route, (performance.now() - startedAt) / 1000);
      if (!span) return;
      const code = Number(status);
      if (Number.isInteger(code)) span.setAttribute('http.response.status_code', code);
      else span.setAttribute('error.type', status);
      if (retries > 0) span.setAttribute('http.request.resend_count', retries);
      if (!(code < 400)) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    return {
      retried: (error) => {
        retries += 1;
        const status = upstreamStatus(error);
        this.metrics.upstreamAttempt(method, route, status);
        span?.addEvent('retry', { 'wwgw.attempt.status': status });
      },
      succeeded: (status) => {
        this.metrics.upstreamAttempt(method, route, String(status));
        end(String(status));
      },
      failed: (error) => {
        const status = upstreamStatus(error);
        // A retry the rate budget refused was never sent: no attempt to count.
        if (status !== 'budget_refused') this.metrics.upstreamAttempt(method, route, status);
        end(status);
      },
    };
  }

  readonly cache: CacheObserver = { read: (result) => this.metrics.cacheRead(result) };

  /** The same budget, timed and counted. */
  budget(inner: RateBudget): RateBudget {
    const metrics = this.metrics;
    return {
      async take(scope, options) {
        const startedAt = performance.now();
        const decision = await inner.take(scope, options);
        metrics.budgetDecision(decision.allowed, (performance.now() - startedAt) / 1000);
        return decision;
      },
      async blockFor(scope, seconds) {
        if (seconds > 0) metrics.budgetBlock();
        return inner.blockFor(scope, seconds);
      },
      close: () => inner.close(),
    };
  }

  /**
   * From now on /readyz answers 503 and every response closes its connection (those in flight
   * too, where their headers are not sent yet), so clients reconnect elsewhere.
   */
  startDraining(): void {
    this.draining = true;
    for (const response of this.inFlight) {
      if (!response.headersSent) response.setHeader('connection', 'close');
    }
  }

  /** Resolves true once no request is in flight, or false after `timeoutMs`. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.inFlight.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.idleWaiters = this.idleWaiters.filter((waiter) => waiter !== done);
        resolve(false);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.idleWaiters.push(done);
    });
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const waiter of waiters) waiter();
  }

  /** Exports the spans still buffered. */
  async close(): Promise<void> {
    await this.tracing?.shutdown();
  }
}

/** ok: no errors; partial: data and errors; error: errors and no data. */
function outcomeOf(response: GraphQLResponse): Outcome {
  const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
  if (!result.errors || result.errors.length === 0) return 'ok';
  return result.data ? 'partial' : 'error';
}

/** The status label of an upstream attempt: the HTTP status, or what kept it from having one. */
export function upstreamStatus(error: unknown): string {
  const failure = error as { response?: { statusCode?: unknown }; code?: unknown; cause?: unknown } | null;
  if (typeof failure?.response?.statusCode === 'number') return String(failure.response.statusCode);
  if (error instanceof GatewayError || failure?.cause instanceof GatewayError) return 'budget_refused';
  if (failure?.code === 'ETIMEDOUT') return 'timeout';
  if (typeof failure?.code === 'string' && /^E[A-Z]+$/.test(failure.code)) return 'network_error';
  return 'error';
}
