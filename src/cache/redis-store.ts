import type { Redis } from 'ioredis';
import { silentLogger, type Logger } from '../logging/logger.js';
import type { CacheEntry, CacheStore } from './cache-store.js';
import { cacheNamespace, tagSetKey } from './keys.js';
import { LuaScript } from './lua-script.js';
import { OutageReporter } from './outage-reporter.js';
import { closeRedisClient, createRedisClient } from './redis-client.js';

export { closeRedisClient, createRedisClient, whenReady, type RedisClientOptions } from './redis-client.js';

interface RedisStoreCommonOptions {
  /** First segment of every key. Default `wwgw`. */
  prefix?: string;
  /** Bump when the cached shape changes: old entries are then ignored. Default 1. */
  schemaVersion?: number;
  logger?: Logger;
}

/** Use a shared client (from `createRedisClient`; `close()` leaves it open) or let the store own one. */
export type RedisConnectionOption =
  | { client: Redis; url?: never }
  | {
      /** Redis URL: the store creates its own client and closes it in `close()`. */
      url: string;
      /** Per-command timeout of the created client (ms). Default 250. */
      commandTimeoutMs?: number;
      client?: never;
    };

export type RedisStoreOptions = RedisStoreCommonOptions & RedisConnectionOption;

/** The client a connection option names: the shared one (not owned), or a new one the user owns and closes. */
export function clientFor(option: RedisConnectionOption, logger: Logger): { client: Redis; owned: boolean } {
  if (option.client !== undefined) return { client: option.client, owned: false };
  return {
    client: createRedisClient(option.url, { commandTimeoutMs: option.commandTimeoutMs, logger }),
    owned: true,
  };
}

/**
 * Deletes every entry listed in the given tag sets, then the sets. One script, so it is atomic: a `set`
 * cannot add a member between reading a tag set and deleting it (which would leave an entry no tag
 * reaches). Members are deleted in chunks to stay under Lua's `unpack` limit. Cost is O(entries tagged),
 * never a scan of the key space.
 */
const invalidateScript = new LuaScript(`
local deleted = 0
for i = 1, #KEYS do
  local members = redis.call('SMEMBERS', KEYS[i])
  for j = 1, #members, 500 do
    deleted = deleted + redis.call('DEL', unpack(members, j, math.min(j + 499, #members)))
  end
  redis.call('DEL', KEYS[i])
end
return deleted
`);

/**
 * A `CacheStore` in Redis, shared by every gateway instance.
 *
 * Layout, all under `<prefix>:v<schemaVersion>:`:
 * - entry `<ns><key>` = `<storedAt epoch ms>:<value>`, written with `SET … EX ttl` (a plain prefix rather
 *   than JSON so the value is not escaped and parsed twice);
 * - tag `<ns>tag:<tag>` = a SET of the full entry keys carrying the tag, written in the same MULTI as the
 *   entry and given a TTL of at least the entry's (`EXPIRE NX` then `EXPIRE GT`, Redis ≥ 7), so a tag set
 *   never outlives the last entry it could need to reach by much.
 *
 * Outages: every method resolves. A failure is a miss or a no-op, reported once per outage through the
 * logger (and "recovered" once when Redis answers again). The client must have the settings of
 * `createRedisClient` for that to be quick (no offline queue, short command timeout).
 *
 * Limit: entries and tag sets live in different hash slots, so the MULTI and the invalidation script need a
 * single-node Redis (or Sentinel), not Redis Cluster.
 */
export class RedisStore implements CacheStore {
  private readonly client: Redis;
  private readonly ownsClient: boolean;
  private readonly namespace: string;
  private readonly outage: OutageReporter;
  private readonly onReady = (): void => this.outage.succeeded();
  private readonly onError = (err: Error): void => this.outage.failed('connection', err);

  constructor(options: RedisStoreOptions) {
    const logger = options.logger ?? silentLogger;
    this.namespace = cacheNamespace(options.prefix ?? 'wwgw', options.schemaVersion ?? 1);
    this.outage = new OutageReporter(logger, 'redis cache', 'serving cache misses');
    ({ client: this.client, owned: this.ownsClient } = clientFor(options, logger));
    this.client.on('ready', this.onReady);
    this.client.on('error', this.onError);
  }

  /** The underlying client, e.g. to wait for it with `whenReady`. */
  get redis(): Redis {
    return this.client;
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    try {
      const raw = await this.client.get(this.namespace + key);
      this.outage.succeeded();
      return raw === null ? undefined : decode(raw);
    } catch (err) {
      this.outage.failed('get', err);
      return undefined;
    }
  }

  async getMany(keys: readonly string[]): Promise<(CacheEntry | undefined)[]> {
    if (keys.length === 0) return [];
    try {
      const raws = await this.client.mget(keys.map((key) => this.namespace + key));
      this.outage.succeeded();
      return raws.map((raw) => (raw === null ? undefined : decode(raw)));
    } catch (err) {
      this.outage.failed('getMany', err);
      return keys.map(() => undefined);
    }
  }

  async set(key: string, value: string, ttlSeconds: number, tags: readonly string[]): Promise<void> {
    if (!(ttlSeconds > 0)) return;
    const ttl = Math.ceil(ttlSeconds);
    const fullKey = this.namespace + key;
    try {
      const tx = this.client.multi().set(fullKey, `${Date.now()}:${value}`, 'EX', ttl);
      for (const tag of tags) {
        const tagKey = this.namespace + tagSetKey(tag);
        tx.sadd(tagKey, fullKey).expire(tagKey, ttl, 'NX').expire(tagKey, ttl, 'GT');
      }
      const results = await tx.exec();
      const failure =
        results === null ? new Error('MULTI aborted') : results.find(([err]) => err !== null)?.[0];
      if (failure) throw failure;
      this.outage.succeeded();
    } catch (err) {
      this.outage.failed('set', err);
    }
  }

  async invalidateTags(tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    try {
      const tagKeys = tags.map((tag) => this.namespace + tagSetKey(tag));
      await invalidateScript.run(this.client, tagKeys, []);
      this.outage.succeeded();
    } catch (err) {
      this.outage.failed('invalidateTags', err);
    }
  }

  async close(): Promise<void> {
    this.client.off('ready', this.onReady);
    this.client.off('error', this.onError);
    if (!this.ownsClient) return;
    await closeRedisClient(this.client);
  }
}

function decode(raw: string): CacheEntry | undefined {
  const colon = raw.indexOf(':');
  const storedAt = Number(raw.slice(0, colon));
  if (colon < 0 || !Number.isFinite(storedAt)) return undefined; // not written by this store: a miss
  return { value: raw.slice(colon + 1), storedAt };
}
