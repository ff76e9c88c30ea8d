import { redactUrl } from '../logging/redact-url.js';
import { hostProblem } from '../net/host.js';

/**
 * Configuration, read once at boot from the environment, validated and frozen. Nothing else in
 * the gateway reads `process.env`: components get the parts they need passed in.
 *
 * Every variable, its default and its meaning is listed in `envSpec` below (and in the README).
 */
export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  /** WebWork API base URL, e.g. https://api.webwork-tracker.com/api/v2; unset → embedded simulator. */
  readonly webworkApiUrl: string | undefined;
  /** Port of the embedded simulator (only when webworkApiUrl is unset); 0 = any free port. */
  readonly simulatorPort: number;
  /** Redis URL; unset → in-memory cache and rate budget (single instance only). */
  readonly redisUrl: string | undefined;
  readonly cache: {
    readonly enabled: boolean;
    readonly prefix: string;
    /** Optional secret: caller scopes become HMACs of the token, so Redis never holds plain token hashes. */
    readonly keySecret: string | undefined;
    /** Seconds an entry is fresh, per resource family. */
    readonly ttl: { readonly workspaces: number; readonly lists: number; readonly tracker: number };
    /** Seconds a list entry may still be served while it is refreshed in the background. */
    readonly staleSeconds: number;
    readonly memoryMaxEntries: number;
    /** In-process tier of parsed values: size bound in MiB (0 = off) and longest age of an entry. */
    readonly near: { readonly maxMegabytes: number; readonly maxAgeSeconds: number };
    /** Reuse of whole responses built only from fresh cached reads: size bound in MiB (0 = off). */
    readonly wholeResponsesMaxMegabytes: number;
  };
  readonly upstream: {
    readonly timeoutMs: number;
    /** Retries for safe (GET) requests only; writes are never retried. */
    readonly retries: number;
    /** Requests per minute per token the gateway lets itself spend; 0 = no budget. */
    readonly rateLimit: number;
    /**
     * Instances expected to share the Redis budget: while Redis is unreachable each instance counts
     * alone with rateLimit / rateLimitInstances (at least 1) per token.
     */
    readonly rateLimitInstances: number;
    /**
     * Calls per minute and token only interactive reads may take: the live board's background work
     * (scheduler, poller) runs only while more than this is left. Below rateLimit (0 when it is off).
     */
    readonly backgroundReserve: number;
    /** Concurrent upstream calls one fan-out (e.g. tracker per member) may have in flight. */
    readonly fanOutConcurrency: number;
  };
  /** The live board's background scheduler and shared poller (src/live/tracker-scheduler.ts). */
  readonly liveScheduler: {
    /**
     * Without webhooks, a watched member's tracker is polled again once what the store knows is this
     * old; the budget above the reserve bounds it further (50 members ≈ one round per minute at 60/min).
     */
    readonly pollIntervalSeconds: number;
  };
  /** `batched` (DataLoaders, list-backed lookups) or `naive` (one upstream call per edge; benchmarks only). */
  readonly loaderMode: 'batched' | 'naive';
  /** Work one request may ask for, refused before execution (see src/server/limits/). */
  readonly limits: QueryLimits;
  /** HTTP semantics of `/graphql` (see src/server/http-server.ts and persisted-queries.ts). */
  readonly http: {
    /** Smallest response body compressed (gzip or brotli, as the client accepts); smaller ones go as is. */
    readonly compressionMinBytes: number;
    /** Seconds an automatic persisted query stays registered (Redis, or memory without Redis). */
    readonly persistedQueriesTtlSeconds: number;
    /** Path of a trusted-documents manifest; set → only the operations it lists run. */
    readonly trustedDocumentsPath: string | undefined;
  };
  readonly logLevel: string;
  readonly production: boolean;
  /** Metrics, tracing and shutdown (see src/observability/). */
  readonly operations: OperationsConfig;
  /** The live board's webhook receiver, registration and tracker store (see src/live/). */
  readonly live: LiveConfig;
  /** GraphQL subscriptions over graphql-ws on /graphql (see src/server/subscriptions/). */
  readonly subscriptions: SubscriptionsConfig;
}

export interface SubscriptionsConfig {
  /** Seconds between rechecks of a subscriber's access to its workspace. */
  readonly recheckSeconds: number;
  /** Open subscriptions one WebSocket connection may hold. */
  readonly maxPerConnection: number;
  /** Open subscriptions one token may hold on one instance, over all its connections. */
  readonly maxPerToken: number;
}

export interface LiveConfig {
  /** Base URL WebWork reaches this gateway at; unset → derived from HOST and PORT once listening. */
  readonly publicUrl: string | undefined;
  /** Path of the webhook receiver. */
  readonly webhookPath: string;
  /** Largest webhook delivery read (413 above it). */
  readonly webhookMaxBytes: number;
  /** A delivery seen again within this window is refused as a replay. */
  readonly replayWindowSeconds: number;
  /** How long the tracker store keeps a member's snapshot after its last update. */
  readonly trackerStoreTtlSeconds: number;
  /**
   * With webhooks registered for a workspace: how long a stored snapshot is served without asking
   * WebWork (events keep it current; this bounds what a lost delivery costs).
   */
  readonly trustSeconds: number;
}

export interface OperationsConfig {
  /** Serve Prometheus metrics at /metrics. */
  readonly metricsEnabled: boolean;
  /** OpenTelemetry tracing: off (no SDK loaded) or exported over OTLP/HTTP. */
  readonly tracing: 'off' | 'otlp';
  /** Where spans are POSTed (OTLP/HTTP, JSON or protobuf as the exporter chooses). */
  readonly otlpTracesUrl: string;
  readonly serviceName: string;
  /** After SIGTERM/SIGINT: keep accepting connections this long while /readyz answers 503. */
  readonly shutdownDelayMs: number;
  /** Then: longest wait for in-flight requests before their connections are closed. */
  readonly drainTimeoutMs: number;
}

export interface QueryLimits {
  /** Bytes of an HTTP request body (answered 413 above it). */
  readonly maxBodyBytes: number;
  /** Lexical tokens of the document; also what keeps graphql's recursive parser off the stack limit. */
  readonly maxTokens: number;
  /** Nesting of fields, fragments flattened, introspection included. */
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  /** Estimated upstream reads (see query-cost.ts). */
  readonly maxCost: number;
  /** Characters of any string argument or variable (documented per-field limits may be lower). */
  readonly maxStringLength: number;
}

/**
 * Above about 5,900 tokens a document can nest ~1,990 levels, where graphql-js's recursive parser
 * overflows the stack ("Maximum call stack size exceeded"): the token limit is what prevents that.
 */
export const MAX_TOKENS_CEILING = 5000;

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {}

/**
 * Defaults as `loadConfig` applies them, recorded while it reads an environment registered here
 * (see `envVariables`), so `--help` prints what the code does, not a copy that could drift.
 */
const recorders = new WeakMap<Env, Map<string, unknown>>();
const note = (env: Env, name: string, fallback: unknown): void => {
  recorders.get(env)?.set(name, fallback);
};

const int = (env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number => {
  note(env, name, fallback);
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
};

const bool = (env: Env, name: string, fallback: boolean): boolean => {
  note(env, name, fallback);
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
};

function url(
  env: Env,
  name: string,
  protocols: readonly string[],
  options?: { credentials?: 'refused' },
): string | undefined;
function url(
  env: Env,
  name: string,
  protocols: readonly string[],
  options: { credentials?: 'refused'; fallback: string },
): string;
function url(
  env: Env,
  name: string,
  protocols: readonly string[],
  options: { credentials?: 'refused'; fallback?: string } = {},
): string | undefined {
  const fallback = options.fallback;
  note(env, name, fallback);
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL (${protocols.join(' or ')}), got "${redactUrl(raw)}"`);
  }
  if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  // got would send `user:password@` as Basic auth in place of the caller's Bearer token.
  if (options.credentials === 'refused' && (parsed.username !== '' || parsed.password !== '')) {
    throw new ConfigError(
      `${name} must not contain credentials (each caller's own token authenticates upstream), got "${redactUrl(raw)}"`,
    );
  }
  return raw.replace(/\/+$/, '');
}

const host = (env: Env, name: string, fallback: string): string => {
  note(env, name, fallback);
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const problem = hostProblem(raw);
  if (problem) throw new ConfigError(`${name} ${problem}`);
  return raw;
};

/** A free-form string; `fallback` undefined = unset. */
const str = <T extends string | undefined>(env: Env, name: string, fallback: T): string | T => {
  note(env, name, fallback);
  return env[name] || fallback;
};

const oneOf = <T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T => {
  note(env, name, fallback);
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!allowed.includes(raw as T))
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
};

/**
 * UPSTREAM_BACKGROUND_RESERVE: default a sixth of the limit, rounded up (10 of 60) and below it, so it scales with a
 * lowered UPSTREAM_RATE_LIMIT; an explicit value must leave background work at least one call.
 */
function backgroundReserve(env: Env): number {
  const limit = Number(env.UPSTREAM_RATE_LIMIT || 60);
  const fallback = Number.isInteger(limit) && limit > 0 ? Math.min(Math.ceil(limit / 6), limit - 1) : 0;
  return int(env, 'UPSTREAM_BACKGROUND_RESERVE', fallback, 0, Math.max(0, limit - 1));
}

/** Reads and validates the configuration; a bad variable fails fast with its name and what was expected. */
export function loadConfig(env: Env = process.env): GatewayConfig {
  const config: GatewayConfig = {
    port: int(env, 'PORT', 4000, 0, 65535),
    host: host(env, 'HOST', '0.0.0.0'),
    webworkApiUrl: url(env, 'WEBWORK_API_URL', ['http', 'https'], { credentials: 'refused' }),
    simulatorPort: int(env, 'SIMULATOR_PORT', 4010, 0, 65535),
    redisUrl: url(env, 'REDIS_URL', ['redis', 'rediss']),
    cache: {
      enabled: bool(env, 'CACHE_ENABLED', true),
      prefix: str(env, 'CACHE_PREFIX', 'wwgw'),
      keySecret: str(env, 'CACHE_KEY_SECRET', undefined),
      ttl: {
        workspaces: int(env, 'CACHE_TTL_WORKSPACES_SECONDS', 300, 1),
        lists: int(env, 'CACHE_TTL_LISTS_SECONDS', 60, 1),
        tracker: int(env, 'CACHE_TTL_TRACKER_SECONDS', 10, 1),
      },
      staleSeconds: int(env, 'CACHE_STALE_SECONDS', 120),
      memoryMaxEntries: int(env, 'CACHE_MEMORY_MAX_ENTRIES', 50_000, 100),
      near: {
        maxMegabytes: int(env, 'CACHE_NEAR_MAX_MB', 64, 0, 4096),
        maxAgeSeconds: int(env, 'CACHE_NEAR_MAX_AGE_SECONDS', 30, 1),
      },
      wholeResponsesMaxMegabytes: int(env, 'CACHE_RESPONSES_MAX_MB', 32, 0, 4096),
    },
    upstream: {
      timeoutMs: int(env, 'UPSTREAM_TIMEOUT_MS', 10_000, 100),
      retries: int(env, 'UPSTREAM_RETRIES', 1, 0, 5),
      rateLimit: int(env, 'UPSTREAM_RATE_LIMIT', 60),
      rateLimitInstances: int(env, 'UPSTREAM_RATE_LIMIT_INSTANCES', 1, 1, 1000),
      backgroundReserve: backgroundReserve(env),
      fanOutConcurrency: int(env, 'UPSTREAM_CONCURRENCY', 8, 1, 100),
    },
    liveScheduler: {
      pollIntervalSeconds: int(env, 'LIVE_POLL_INTERVAL_SECONDS', 60, 1, 3600),
    },
    loaderMode: oneOf(env, 'LOADER_MODE', ['batched', 'naive'] as const, 'batched'),
    limits: {
      maxBodyBytes: int(env, 'HTTP_MAX_BODY_BYTES', 102_400, 1024, 16_777_216),
      maxTokens: int(env, 'QUERY_MAX_TOKENS', 2000, 10, MAX_TOKENS_CEILING),
      maxDepth: int(env, 'QUERY_MAX_DEPTH', 15, 1, 100),
      maxAliases: int(env, 'QUERY_MAX_ALIASES', 30, 0, 1000),
      maxDirectives: int(env, 'QUERY_MAX_DIRECTIVES', 20, 0, 1000),
      maxCost: int(env, 'QUERY_MAX_COST', 1000, 1),
      maxStringLength: int(env, 'ARGUMENT_MAX_STRING_LENGTH', 1000, 1, 1_000_000),
    },
    http: {
      compressionMinBytes: int(env, 'HTTP_COMPRESSION_MIN_BYTES', 1024, 0),
      persistedQueriesTtlSeconds: int(env, 'PERSISTED_QUERIES_TTL_SECONDS', 86_400, 1),
      trustedDocumentsPath: str(env, 'TRUSTED_DOCUMENTS', undefined) || undefined,
    },
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    production: str(env, 'NODE_ENV', undefined) === 'production',
    operations: operationsConfig(env),
    live: liveConfig(env),
    subscriptions: {
      recheckSeconds: int(env, 'SUBSCRIPTION_RECHECK_SECONDS', 60, 1, 86_400),
      maxPerConnection: int(env, 'SUBSCRIPTIONS_MAX_PER_CONNECTION', 20, 1, 10_000),
      maxPerToken: int(env, 'SUBSCRIPTIONS_MAX_PER_TOKEN', 50, 1, 100_000),
    },
  };
  return deepFreeze(config);
}

function operationsConfig(env: Env): OperationsConfig {
  const otlpBase = url(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http', 'https'], {
    fallback: 'http://localhost:4318',
  });
  const otlpTraces = url(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', ['http', 'https']);
  // Naming an endpoint is enough to switch tracing on; TRACING=off still wins.
  const endpointGiven = Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  return {
    metricsEnabled: bool(env, 'METRICS_ENABLED', true),
    tracing: oneOf(env, 'TRACING', ['off', 'otlp'] as const, endpointGiven ? 'otlp' : 'off'),
    otlpTracesUrl: otlpTraces ?? `${otlpBase}/v1/traces`,
    serviceName: str(env, 'OTEL_SERVICE_NAME', 'webwork-graphql-gateway'),
    shutdownDelayMs: int(env, 'SHUTDOWN_DELAY_MS', 0, 0, 600_000),
    drainTimeoutMs: int(env, 'DRAIN_TIMEOUT_MS', 10_000, 0, 600_000),
  };
}

function liveConfig(env: Env): LiveConfig {
  const webhookPath = str(env, 'WEBHOOK_PATH', '/webhooks/webwork');
  if (!/^\/[A-Za-z0-9._~\-/]*$/.test(webhookPath) || webhookPath === '/graphql') {
    throw new ConfigError(
      `WEBHOOK_PATH must be a URL path starting with / (letters, digits, . _ ~ - /), other than /graphql, got "${webhookPath}"`,
    );
  }
  const storeTtl = int(env, 'LIVE_TRACKER_TTL_SECONDS', 43_200, 10, 7 * 86_400);
  return {
    publicUrl: url(env, 'PUBLIC_URL', ['http', 'https'], { credentials: 'refused' }),
    webhookPath,
    webhookMaxBytes: int(env, 'WEBHOOK_MAX_BYTES', 65_536, 256, 16_777_216),
    replayWindowSeconds: int(env, 'WEBHOOK_REPLAY_WINDOW_SECONDS', 300, 1, 86_400),
    trackerStoreTtlSeconds: storeTtl,
    trustSeconds: Math.min(int(env, 'LIVE_TRUST_SECONDS', 300, 1, 86_400), storeTtl),
  };
}

/** One environment variable as `loadConfig` reads it: its default (undefined = unset) and meaning. */
export interface EnvVariable {
  readonly name: string;
  readonly default: string | number | boolean | undefined;
}

/**
 * Every variable `loadConfig` reads, in the order it reads them, with the default it applies when
 * the variable is unset (recorded from a run on an empty environment, so this list cannot drift
 * from the code). `--help` prints it; the meanings live in env-help.ts.
 */
export function envVariables(): EnvVariable[] {
  const env: Env = {};
  const seen = new Map<string, unknown>();
  recorders.set(env, seen);
  loadConfig(env);
  return [...seen].map(([name, fallback]) => ({
    name,
    default: fallback as EnvVariable['default'],
  }));
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (child && typeof child === 'object') deepFreeze(child);
  return Object.freeze(value);
}
