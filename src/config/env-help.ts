import { envVariables } from './config.js';

/**
 * What each variable `loadConfig` reads means, one line each, for `node dist/src/main.js --help`.
 * The names and defaults come from `envVariables()` (the code itself); a test checks that every
 * variable read has a line here, that no line is left over, and that the README lists them all.
 */
export const ENV_HELP: Readonly<Record<string, string>> = {
  PORT: 'HTTP port of the gateway (/graphql, /metrics, /healthz, /readyz)',
  HOST: 'interface to listen on: an IP address or a hostname',
  WEBWORK_API_URL: 'WebWork API base, e.g. https://api.webwork-tracker.com/api/v2; unset: built-in simulator',
  SIMULATOR_PORT: 'port of that built-in simulator (0 = any free port)',
  REDIS_URL: 'e.g. redis://127.0.0.1:6379; unset: in-memory cache and rate budget (one instance only)',
  CACHE_ENABLED: 'false sends every read upstream (benchmarks)',
  CACHE_PREFIX: 'Redis key prefix',
  CACHE_KEY_SECRET: 'cache keys use an HMAC of the token with this secret (same value on every instance)',
  CACHE_TTL_WORKSPACES_SECONDS: 'freshness of the workspace list',
  CACHE_TTL_LISTS_SECONDS: 'freshness of members, projects, contracts, tasks',
  CACHE_TTL_TRACKER_SECONDS: 'freshness of live tracker state',
  CACHE_STALE_SECONDS: 'how long past its TTL an entry may be served while refreshed or instead of an error',
  CACHE_MEMORY_MAX_ENTRIES: 'bound of the in-memory cache',
  CACHE_NEAR_MAX_MB: 'in-process tier of parsed cache entries in front of Redis; 0 = off',
  CACHE_NEAR_MAX_AGE_SECONDS: 'longest an entry stays in that tier',
  CACHE_RESPONSES_MAX_MB: 'reuse of whole responses built only from fresh cached reads; 0 = off',
  UPSTREAM_TIMEOUT_MS: 'per upstream request',
  UPSTREAM_RETRIES: 'retries of GETs on 5xx/timeouts; writes are never retried',
  UPSTREAM_RATE_LIMIT: 'upstream requests per minute per token the gateway allows itself; 0 = off',
  UPSTREAM_RATE_LIMIT_INSTANCES: 'gateway instances sharing that budget through Redis',
  UPSTREAM_BACKGROUND_RESERVE:
    'calls per minute and token kept for interactive reads; background refreshes run only above it',
  UPSTREAM_CONCURRENCY: 'concurrent upstream calls of one fan-out',
  LIVE_POLL_INTERVAL_SECONDS:
    'without webhooks: a watched tracker is polled again once this old (within the background budget)',
  LOADER_MODE: 'batched, or naive = one upstream call per edge (benchmark baseline only)',
  HTTP_MAX_BODY_BYTES: 'largest request body; larger ones are answered 413',
  HTTP_COMPRESSION_MIN_BYTES: 'smallest answer compressed (gzip or brotli); 0 = every answer',
  PERSISTED_QUERIES_TTL_SECONDS: 'how long an automatic persisted query stays registered',
  TRUSTED_DOCUMENTS: 'path of a trusted-documents manifest: set, only its operations run',
  WEBHOOK_PATH: 'path of the WebWork webhook receiver (live board)',
  LIVE_TRACKER_TTL_SECONDS:
    'how long the tracker store keeps a member’s last known state (and a desktop-app tracker’s start event stands against current-data saying idle)',
  PUBLIC_URL: 'base URL WebWork reaches this gateway at (webhooks); unset: http://HOST:PORT',
  WEBHOOK_MAX_BYTES: 'largest webhook delivery read; larger ones are answered 413',
  WEBHOOK_REPLAY_WINDOW_SECONDS: 'a delivery seen again within this window is refused (409) as a replay',
  LIVE_TRUST_SECONDS: 'with webhooks registered: how long a stored tracker is served without asking WebWork',
  QUERY_MAX_TOKENS: 'lexical tokens of a document (at most 5000)',
  QUERY_MAX_DEPTH: 'nesting of fields, fragments flattened, introspection included',
  QUERY_MAX_ALIASES: 'aliases in an operation',
  QUERY_MAX_DIRECTIVES: 'directives in an operation',
  QUERY_MAX_COST: 'estimated upstream reads of an operation',
  ARGUMENT_MAX_STRING_LENGTH: 'characters of any string argument or variable',
  LOG_LEVEL: 'pino level (fatal, error, warn, info, debug, trace, silent); never a token',
  NODE_ENV: 'production selects the production defaults of Apollo and Node libraries',
  OTEL_EXPORTER_OTLP_ENDPOINT:
    'OTLP/HTTP collector base; setting it switches tracing on (spans go to /v1/traces)',
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'full OTLP/HTTP traces URL, instead of the base + /v1/traces',
  METRICS_ENABLED: 'serve Prometheus metrics at /metrics',
  TRACING: 'off or otlp (default otlp when an OTEL_EXPORTER_OTLP_*ENDPOINT is set)',
  OTEL_SERVICE_NAME: 'service.name of the exported spans',
  SHUTDOWN_DELAY_MS: 'after SIGTERM/SIGINT: keep accepting this long while /readyz answers 503',
  DRAIN_TIMEOUT_MS: 'then: longest wait for in-flight requests before connections are closed',
  SUBSCRIPTION_RECHECK_SECONDS: "period of the recheck of a subscriber's access to its workspace",
  SUBSCRIPTIONS_MAX_PER_CONNECTION: 'open subscriptions one WebSocket connection may hold',
  SUBSCRIPTIONS_MAX_PER_TOKEN: 'open subscriptions one token may hold on one instance',
};

/** The `--help` text of the gateway: usage, then every variable with its default and meaning. */
export function gatewayHelp(): string {
  const rows = envVariables().map((variable) => ({
    name: variable.name,
    fallback: variable.default === undefined ? '(unset)' : String(variable.default),
    meaning: ENV_HELP[variable.name] ?? '',
  }));
  const nameWidth = Math.max(...rows.map((row) => row.name.length));
  const defaultWidth = Math.max(...rows.map((row) => row.fallback.length));
  return [
    'Usage: node dist/src/main.js [--help]   (npm start builds first)',
    '',
    'WebWork GraphQL gateway. Configured by environment variables only, read once at start;',
    'a bad value stops the start naming the variable (exit 2). Unset WEBWORK_API_URL starts the',
    'built-in simulator. Endpoints: /graphql, /metrics, /healthz, /readyz (/health = /healthz).',
    '',
    `${'variable'.padEnd(nameWidth)}  ${'default'.padEnd(defaultWidth)}  meaning`,
    ...rows.map(
      (row) => `${row.name.padEnd(nameWidth)}  ${row.fallback.padEnd(defaultWidth)}  ${row.meaning}`,
    ),
    '',
  ].join('\n');
}
