import got, { HTTPError, RequestError, type Got, type Method } from 'got';
import type { RateBudget } from '../budget/rate-budget.js';
import { GatewayError, rateLimited } from '../errors/gateway-error.js';
import type { Logger } from '../logging/logger.js';
import type { UpstreamCallObservation, UpstreamObserver } from '../observability/hooks.js';
import type { Caller } from './caller.js';
import {
  errorFromStatus,
  parseRateLimitHeader,
  parseRetryAfter,
  upstreamArgument,
  upstreamTimeout,
  upstreamUnreachable,
} from './upstream-errors.js';

/** The WebWork success envelope (REFERENCE §3). */
export interface Envelope<T> {
  success: boolean;
  data?: T;
  message?: string;
  meta?: { pagination?: UpstreamPagination };
  /** `GET /contracts` puts its pagination block at the top level. */
  pagination?: UpstreamPagination;
  /** Field-level validation errors, if an error body carries them (undocumented, GAPS G6). */
  errors?: unknown;
}

export interface UpstreamPagination {
  total: number;
  per_page: number;
  current_page: number;
  last_page: number;
}

/** Query parameters; `undefined` and `null` are not sent. */
export type Query = Record<string, string | number | boolean | undefined | null>;

export interface UpstreamOptions {
  baseUrl: string;
  timeoutMs: number;
  /** Retries for GET only (5xx, timeouts, connection errors). Writes are sent exactly once. */
  retries: number;
  budget: RateBudget;
  /** The budget's calls per minute per token (`UPSTREAM_RATE_LIMIT`), named in its refusals. */
  budgetPerMinute?: number;
  logger: Logger;
  /** Told about every call and retry (metrics, tracing); default: nothing observes. */
  observer?: UpstreamObserver;
}

/**
 * The one HTTP client to WebWork. Responsibilities, in order: spend the caller's rate budget,
 * send (auth header, timeout, retries for safe methods only), unwrap the envelope, and map every
 * failure to a GatewayError. Datasources build on `get` and `send`.
 */
export class UpstreamClient {
  private readonly http: Got;

  constructor(private readonly options: UpstreamOptions) {
    this.http = got.extend({
      context: {},
      prefixUrl: options.baseUrl,
      timeout: { request: options.timeoutMs },
      responseType: 'json',
      headers: { accept: 'application/json', 'user-agent': 'webwork-graphql-gateway' },
      retry: {
        limit: options.retries,
        methods: ['GET'],
        statusCodes: [500, 502, 503, 504],
        // Short, capped backoff: the caller is waiting on a GraphQL response.
        calculateDelay: ({ computedValue }) => (computedValue === 0 ? 0 : Math.min(computedValue, 300)),
      },
      hooks: {
        // A retry is another upstream call: it spends the caller's budget too, or is not made.
        beforeRetry: [
          async (error) => {
            (error.options.context.call as UpstreamCallObservation | undefined)?.retried(error);
            const caller = error.options.context.caller as Caller | undefined;
            if (caller) await this.spendBudget(caller);
          },
        ],
      },
    });
  }

  /** GET one resource or one page; the envelope is returned whole (callers need pagination blocks). */
  async get<T>(caller: Caller, path: string, query: Query = {}): Promise<Envelope<T>> {
    return this.send<T>(caller, 'GET', path, { query });
  }

  /**
   * Sends one request. For writes (POST/PUT/DELETE) this is exactly one upstream call: never
   * retried, because repeating e.g. "start tracking" or "create expense" is not safe.
   */
  async send<T>(
    caller: Caller,
    method: Method,
    path: string,
    input: { query?: Query; body?: Record<string, unknown> } = {},
  ): Promise<Envelope<T>> {
    if (method !== 'GET') caller.reads?.markWrite();
    await this.spendBudget(caller);
    const call = this.options.observer?.start(method, path);
    try {
      const response = await this.http<Envelope<T>>(path.replace(/^\//, ''), {
        method,
        headers: { authorization: `Bearer ${caller.token}` },
        searchParams: compact(input.query),
        json: input.body,
        context: { caller, call },
        retry: method === 'GET' ? undefined : { limit: 0 },
      });
      call?.succeeded(response.statusCode);
      return response.body;
    } catch (error) {
      call?.failed(error);
      throw await this.mapError(caller, method, path, error);
    }
  }

  private async spendBudget(caller: Caller): Promise<void> {
    const decision = await this.options.budget.take(caller.scope, { priority: caller.priority });
    if (!decision.allowed) {
      const limit = this.options.budgetPerMinute;
      throw rateLimited(
        decision.retryAfterSeconds,
        limit === undefined
          ? 'The gateway is holding back to stay within WebWork’s per-user request limit for your token.'
          : `The gateway is holding back: it spends at most ${limit} upstream requests per minute per token (UPSTREAM_RATE_LIMIT), to stay within WebWork’s limit.`,
      );
    }
  }

  private async mapError(
    caller: Caller,
    method: string,
    path: string,
    error: unknown,
  ): Promise<GatewayError> {
    if (error instanceof GatewayError) return error;
    // An error thrown by a hook (the budget refusing a retry) arrives wrapped.
    if (error instanceof RequestError && error.cause instanceof GatewayError) return error.cause;
    if (error instanceof HTTPError) {
      const status = error.response.statusCode;
      const body = error.response.body as Partial<Envelope<unknown>> | undefined;
      const message = typeof body?.message === 'string' ? body.message : undefined;
      if (status === 429) {
        const retryAfter = parseRetryAfter(error.response.headers['retry-after']);
        await this.options.budget.blockFor(caller.scope, retryAfter);
        return errorFromStatus(429, message, {
          retryAfterSeconds: retryAfter,
          limitPerMinute: parseRateLimitHeader(error.response.headers['x-ratelimit-limit']),
        });
      }
      if (status >= 500)
        this.options.logger.warn({ caller: caller.scope.logId, method, path, status }, 'upstream error');
      return errorFromStatus(status, message, {
        argument: upstreamArgument(method, message, body?.errors),
        method,
      });
    }
    if (error instanceof RequestError) {
      this.options.logger.warn(
        { caller: caller.scope.logId, method, path, code: error.code },
        'upstream request failed',
      );
      return error.code === 'ETIMEDOUT' ? upstreamTimeout(this.options.timeoutMs) : upstreamUnreachable();
    }
    this.options.logger.error(
      { caller: caller.scope.logId, method, path, err: error },
      'unexpected upstream failure',
    );
    return upstreamUnreachable();
  }
}

function compact(query: Query = {}): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null)) as Record<
    string,
    string | number | boolean
  >;
}
