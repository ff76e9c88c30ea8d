import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('loadConfig', () => {
  it('has the documented defaults: embedded simulator, in-memory cache, 60/min budget', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      webworkApiUrl: undefined,
      redisUrl: undefined,
      loaderMode: 'batched',
      upstream: { rateLimit: 60, timeoutMs: 10_000, retries: 1 },
      cache: { enabled: true, ttl: { workspaces: 300, lists: 60, tracker: 10 } },
    });
    expect(Object.isFrozen(config.cache.ttl)).toBe(true);
  });

  it.each([
    ['PORT', 'abc', /PORT must be an integer between 0 and 65535, got "abc"/],
    ['REDIS_URL', 'http://x', /REDIS_URL must use redis or rediss/],
    ['WEBWORK_API_URL', 'not a url', /WEBWORK_API_URL must be a URL/],
    ['CACHE_ENABLED', 'maybe', /CACHE_ENABLED must be true or false/],
    ['LOADER_MODE', 'fast', /LOADER_MODE must be one of batched, naive/],
  ])('fails fast on a bad %s, naming it and what was expected', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('UPSTREAM_RATE_LIMIT_INSTANCES: 1 by default, a positive integer when set', () => {
    expect(loadConfig({}).upstream.rateLimitInstances).toBe(1);
    expect(loadConfig({ UPSTREAM_RATE_LIMIT_INSTANCES: '4' }).upstream.rateLimitInstances).toBe(4);
    expect(() => loadConfig({ UPSTREAM_RATE_LIMIT_INSTANCES: '0' })).toThrow(
      /UPSTREAM_RATE_LIMIT_INSTANCES must be an integer between 1 and 1000, got "0"/,
    );
  });

  it('strips a trailing slash from the upstream URL', () => {
    expect(loadConfig({ WEBWORK_API_URL: 'https://api.webwork-tracker.com/api/v2/' }).webworkApiUrl).toBe(
      'https://api.webwork-tracker.com/api/v2',
    );
  });
});
