import type { CachePolicy } from '../cache/response-cache.js';
import type { GatewayConfig } from '../config/config.js';
import type { CachedReader } from './cached-reader.js';
import type { UpstreamClient } from './upstream-client.js';

/** What every datasource is built from (once, at boot; shared by all requests). */
export interface DatasourceDeps {
  readonly upstream: UpstreamClient;
  readonly reader: CachedReader;
  readonly cacheConfig: GatewayConfig['cache'];
}

/** Lists change rarely and a slightly old list is harmless: serve stale while refreshing. */
export const listPolicy = (deps: DatasourceDeps, tags: readonly string[]): CachePolicy => ({
  ttlSeconds: deps.cacheConfig.ttl.lists,
  staleSeconds: deps.cacheConfig.staleSeconds,
  tags,
});
