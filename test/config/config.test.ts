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
    expect(config.limits).toEqual({
      maxBodyBytes: 102_400,
      maxTokens: 2000,
      maxDepth: 15,
      maxAliases: 30,
      maxDirectives: 20,
      maxCost: 1000,
      maxStringLength: 1000,
    });
  });

  it.each([
    ['PORT', 'abc', /PORT must be an integer between 0 and 65535, got "abc"/],
    ['REDIS_URL', 'http://x', /REDIS_URL must use redis or rediss/],
    ['WEBWORK_API_URL', 'not a url', /WEBWORK_API_URL must be a URL/],
    ['CACHE_ENABLED', 'maybe', /CACHE_ENABLED must be true or false/],
    ['LOADER_MODE', 'fast', /LOADER_MODE must be one of batched, naive/],
    ['QUERY_MAX_TOKENS', '6000', /QUERY_MAX_TOKENS must be an integer between 10 and 5000, got "6000"/],
    ['QUERY_MAX_DEPTH', '0', /QUERY_MAX_DEPTH must be an integer between 1 and 100/],
  ])('fails fast on a bad %s, naming it and what was expected', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it.each(['0.0.0.0', '127.0.0.1', '::', '::1', 'localhost', 'gateway-1.internal', 'api.example.com.'])(
    'accepts HOST=%s (an IP address or a hostname)',
    (host) => {
      expect(loadConfig({ HOST: host }).host).toBe(host);
    },
  );

  it.each([
    'not a host!',
    'under_score',
    '-lead.example',
    'trail-.example',
    'a..b',
    '[::1]',
    '1.2.3.4:80',
    'x'.repeat(64),
  ])('rejects HOST=%s naming HOST and what was expected', (host) => {
    expect(() => loadConfig({ HOST: host })).toThrow(
      `HOST must be an IP address (e.g. 0.0.0.0, 127.0.0.1, ::) or a hostname (letters, digits, '-' and '.'), got "${host}"`,
    );
  });

  it('refuses credentials in WEBWORK_API_URL (they would replace the caller’s token), without echoing them', () => {
    expect(() => loadConfig({ WEBWORK_API_URL: 'https://user:pa55@api.example.com/api/v2' })).toThrow(
      'WEBWORK_API_URL must not contain credentials (each caller\'s own token authenticates upstream), got "https://***@api.example.com/api/v2"',
    );
  });

  it('does not echo credentials of a URL it rejects', () => {
    expect(() => loadConfig({ WEBWORK_API_URL: 'http://user:pa55@bad host/api' })).toThrow(
      'WEBWORK_API_URL must be a URL (http or https), got "http://***@bad host/api"',
    );
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
