import { GatewayError, rateLimited } from '../errors/gateway-error.js';

/**
 * Upstream → domain error table: the first of the two places errors are mapped. Client-visible
 * messages never contain upstream URLs, bodies or stack traces; for 4xx the upstream's own
 * `message` is passed on because it names the offending parameter (the simulator's and the real
 * API's messages are written for people), for 5xx a generic text is used.
 */
export function errorFromStatus(
  status: number,
  upstreamMessage: string | undefined,
  retryAfterSeconds?: number,
): GatewayError {
  const detail = upstreamMessage ? `: ${upstreamMessage}` : '';
  switch (status) {
    case 400:
    case 422:
      return new GatewayError('BAD_USER_INPUT', `WebWork rejected the request${detail}`, {
        upstreamStatus: status,
      });
    case 401:
      return new GatewayError('UNAUTHENTICATED', `WebWork did not accept the token${detail}`);
    case 403:
      return new GatewayError('FORBIDDEN', `Not allowed by WebWork${detail}`);
    case 404:
      return new GatewayError('NOT_FOUND', `Not found in WebWork${detail}`);
    case 429:
      return rateLimited(
        retryAfterSeconds ?? 60,
        'WebWork rate limit reached (60 requests per minute per user).',
      );
    default:
      return new GatewayError(
        'UPSTREAM_UNAVAILABLE',
        `WebWork answered with an error (HTTP ${status}); try again shortly.`,
        {
          upstreamStatus: status,
        },
      );
  }
}

export const upstreamTimeout = (timeoutMs: number) =>
  new GatewayError('UPSTREAM_TIMEOUT', `WebWork did not answer within ${timeoutMs} ms; try again shortly.`);

export const upstreamUnreachable = () =>
  new GatewayError('UPSTREAM_UNAVAILABLE', 'WebWork could not be reached; try again shortly.');

/** `Retry-After` is seconds or an HTTP date; anything unreadable falls back to a minute. */
export function parseRetryAfter(header: string | string[] | undefined, now = Date.now()): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return 60;
  if (/^\d+$/.test(value.trim())) return Math.max(1, Number(value));
  const at = Date.parse(value);
  return Number.isNaN(at) ? 60 : Math.max(1, Math.ceil((at - now) / 1000));
}
