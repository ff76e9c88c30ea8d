import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Observability } from './observability.js';

/** How long one upstream probe answer is reused: probes every second from many LBs cost one call. */
const PROBE_REUSE_MS = 2000;

export interface ReadinessOptions {
  /** The WebWork API base (the probe GETs `<base>/workspaces` without a token). */
  upstreamUrl: string;
  /** Longest wait for the probe's answer. */
  timeoutMs: number;
  cacheKind: 'redis' | 'memory';
  /** The ioredis connection status (`ready`, `connecting`, `reconnecting`, ...); undefined without Redis. */
  redisStatus: () => string | undefined;
  observability: Observability;
}

interface Probe {
  reachable: boolean;
  /** The HTTP status WebWork answered (any answer below 500 proves it reachable), or the failure. */
  detail: string;
  at: number;
}

/**
 * `/healthz` (liveness): 200 whenever the process serves HTTP. `/readyz` (readiness): 200 when the
 * gateway has started, is not draining and WebWork answers; 503 with a `reason` otherwise. Redis is
 * reported, not required: without it the gateway still serves (no shared cache, local budget).
 */
export class Health {
  private started = false;
  private probe: Probe | undefined;
  private probing: Promise<Probe> | undefined;

  constructor(private readonly options: ReadinessOptions) {}

  markStarted(): void {
    this.started = true;
  }

  readonly healthz = (_request: IncomingMessage, response: ServerResponse): void => {
    sendJson(response, 200, { status: 'ok', cache: this.options.cacheKind });
  };

  readonly readyz = async (_request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const redisStatus = this.options.redisStatus();
    const redis =
      redisStatus === undefined
        ? 'not configured'
        : redisStatus === 'ready'
          ? 'ready'
          : `unavailable (${redisStatus})`;
    const base = { cache: this.options.cacheKind, redis };
    if (!this.started)
      return sendJson(response, 503, { status: 'starting', reason: 'the gateway is starting', ...base });
    if (this.options.observability.isDraining) {
      return sendJson(response, 503, { status: 'draining', reason: 'the gateway is shutting down', ...base });
    }
    const probe = await this.upstream();
    const upstream = { reachable: probe.reachable, detail: probe.detail };
    if (!probe.reachable) {
      return sendJson(response, 503, {
        status: 'not ready',
        reason: `the WebWork API is not reachable: ${probe.detail}`,
        upstream,
        ...base,
      });
    }
    sendJson(response, 200, { status: 'ready', upstream, ...base });
  };

  private async upstream(): Promise<Probe> {
    if (this.probe && Date.now() - this.probe.at < PROBE_REUSE_MS) return this.probe;
    this.probing ??= this.runProbe().finally(() => (this.probing = undefined));
    this.probe = await this.probing;
    return this.probe;
  }

  private async runProbe(): Promise<Probe> {
    const at = Date.now();
    try {
      const answer = await fetch(`${this.options.upstreamUrl}/workspaces`, {
        headers: { accept: 'application/json', 'user-agent': 'webwork-graphql-gateway (readiness)' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await answer.body?.cancel();
      return { reachable: answer.status < 500, detail: `HTTP ${answer.status}`, at };
    } catch (error) {
      const name = (error as Error).name;
      const detail =
        name === 'TimeoutError'
          ? `no answer within ${this.options.timeoutMs} ms`
          : (((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message) as string);
      return { reachable: false, detail, at };
    }
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('cache-control', 'no-store');
  response.end(JSON.stringify(body));
}
