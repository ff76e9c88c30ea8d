import { pino, type DestinationStream, type Logger } from 'pino';
import { currentRequest } from '../observability/request-scope.js';

export type { Logger };

/**
 * Paths pino censors in every log line. Tokens must never reach logs; callers are named by
 * `CallerScope.logId` (see log-id.ts) and URLs go through `redactUrl` before they are logged. These
 * paths are the net under that: an authorization header or a token field logged by mistake, also
 * inside a got error (`err.options.headers`) or a request object.
 */
export const REDACTED_PATHS = [
  'authorization',
  'token',
  '*.authorization',
  '*.token',
  'headers.authorization',
  'req.headers.authorization',
  '*.headers.authorization',
  'err.options.headers.authorization',
] as const;

/**
 * The one logger factory. Anything that could carry a credential is redacted here, once, so that no
 * caller has to remember to. `destination` defaults to stdout; tests pass a stream to read the lines.
 *
 * Every line logged while a request is served carries its `requestId` (the `x-request-id` echoed to
 * the client): the mixin reads the request scope (observability/request-scope.ts), so the upstream
 * client, the cache and the error formatter, which hold this shared logger, need no child logger
 * passed down through every call.
 */
export function createLogger(
  options: { level?: string; name?: string; destination?: DestinationStream } = {},
): Logger {
  return pino(
    {
      name: options.name ?? 'gateway',
      level: options.level ?? 'info',
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
      mixin: requestIdMixin,
    },
    options.destination,
  );
}

function requestIdMixin(): { requestId?: string } {
  const scope = currentRequest();
  return scope ? { requestId: scope.requestId } : {};
}

/** A logger that drops everything: the default for tests and for library code given no logger. */
export const silentLogger: Logger = pino({ level: 'silent' });
