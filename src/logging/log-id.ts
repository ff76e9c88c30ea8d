import { createHmac, randomBytes } from 'node:crypto';

/**
 * The one way a caller appears in logs: an HMAC of the token, never the token, never a plain hash of
 * it (a plain SHA-256 lets anyone who reads the logs confirm a guessed token).
 *
 * With `secret` (CACHE_KEY_SECRET) the id is the same on every instance and across restarts; without
 * it, a random secret drawn once per process keeps the id stable within the process (lines of one
 * caller correlate) and meaningless outside it. The input is domain-separated from the cache scope,
 * so a log id never equals a Redis key segment even when both use CACHE_KEY_SECRET.
 */
const processSecret = randomBytes(32);

export function callerLogId(token: string, secret?: string): string {
  return createHmac('sha256', secret ?? processSecret)
    .update(`log-id\0${token}`)
    .digest('hex')
    .slice(0, 16);
}

/**
 * A cache key fit for a log line: the caller segment of `u:<scope>:<resource>:<params>` (a hash of the
 * token that is a plain SHA-256 without CACHE_KEY_SECRET) is replaced by `*`; log the caller's
 * `logId` next to it instead.
 */
export function keyForLog(key: string): string {
  return key.replace(/(^|:)u:[^:]+:/, '$1u:*:');
}
