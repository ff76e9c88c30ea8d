import { callerScope } from '../../src/cache/keys.js';
import { MemoryStore } from '../../src/cache/memory-store.js';
import { ResponseCache } from '../../src/cache/response-cache.js';
import { CachedReader } from '../../src/datasources/cached-reader.js';
import type { Caller } from '../../src/datasources/caller.js';
import { GatewayError, rateLimited } from '../../src/errors/gateway-error.js';

/**
 * The read path serves what it had a moment ago instead of an outage or rate-limit error, and
 * never instead of a refusal (401/403) or an input error.
 */
describe('CachedReader: stale data instead of which errors', () => {
  let now = Date.now();
  const reader = new CachedReader(new ResponseCache(new MemoryStore(), { clock: () => now }));
  const caller: Caller = { token: 't', scope: callerScope('stale-on-error') };
  const policy = { ttlSeconds: 10, staleSeconds: 60, staleWhileRevalidate: false, tags: ['ws:1:tracker:2'] };

  const readAfterFailure = async (resource: string, error: Error) => {
    now = Date.now(); // the store stamps entries with the real clock
    await reader.read(caller, resource, { workspace_id: 1 }, policy, async () => 'before');
    now += 20_000; // stale, within the stale window
    return reader
      .read(caller, resource, { workspace_id: 1 }, policy, () => Promise.reject(error))
      .catch((e: Error) => e);
  };

  it.each([
    ['UPSTREAM_UNAVAILABLE', new GatewayError('UPSTREAM_UNAVAILABLE', 'down')],
    ['UPSTREAM_TIMEOUT', new GatewayError('UPSTREAM_TIMEOUT', 'slow')],
    ['RATE_LIMITED', rateLimited(5, 'budget')],
  ])('%s: the stale value', async (code, error) => {
    expect(await readAfterFailure(`r-${code}`, error)).toBe('before');
  });

  it('the value is stale indeed: a successful load replaces it', async () => {
    await readAfterFailure('r-control', new Error('unused'));
    expect(await reader.read(caller, 'r-control', { workspace_id: 1 }, policy, async () => 'after')).toBe(
      'after',
    );
  });

  it.each([
    ['FORBIDDEN', new GatewayError('FORBIDDEN', 'no')],
    ['BAD_USER_INPUT', new GatewayError('BAD_USER_INPUT', 'bad', { argument: 'x' })],
  ])('%s: the error', async (code, error) => {
    expect(await readAfterFailure(`r-${code}`, error)).toBe(error);
  });
});
