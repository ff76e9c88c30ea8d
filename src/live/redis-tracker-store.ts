import type { Redis } from 'ioredis';
import { LuaScript } from '../cache/lua-script.js';
import type { Logger } from '../logging/logger.js';
import type { TrackerSnapshot } from './live-event.js';
import { liveKeys } from './live-keys.js';
import { precedenceMs, stateOf } from './snapshot-order.js';
import type { TrackerStore } from './tracker-store.js';

/**
 * Compare-and-set in one step, so two instances putting at once cannot let the older snapshot win.
 * KEYS[1] the member's hash; ARGV: asOf (epoch ms), source, state (stateOf), snapshot JSON,
 * TTL (ms), and the precedence (ms) this source needs over each stored source (snapshot-order.ts:
 * ARGV[6] over an UPSTREAM_READ, ARGV[7] over an event), and ARGV[8] '1' when this is a read
 * saying idle, which never replaces a WEBHOOK snapshot saying running (snapshot-order.ts
 * `blindRead`; the hash's `running` field). Returns 0 ignored, 1 refreshed (same state, newer
 * asOf), 2 changed.
 */
const PUT = new LuaScript(`
local stored = redis.call('HMGET', KEYS[1], 'asOf', 'source', 'state', 'running')
local asOf = tonumber(ARGV[1])
if stored[1] then
  if ARGV[8] == '1' and stored[2] == 'WEBHOOK' and stored[4] == '1' then return 0 end
  local margin = tonumber(ARGV[7])
  if stored[2] == 'UPSTREAM_READ' then margin = tonumber(ARGV[6]) end
  if asOf <= tonumber(stored[1]) + margin then return 0 end
end
redis.call('HSET', KEYS[1], 'asOf', ARGV[1], 'source', ARGV[2], 'state', ARGV[3], 'snapshot', ARGV[4], 'running', ARGV[9])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
if stored[3] == ARGV[3] then return 1 end
return 2
`);

/**
 * The tracker store shared by every instance (issue 10): one hash per workspace and member
 * (`liveKeys.tracker`), kept `ttlSeconds` after its last put so a member nobody watches fades out.
 * Redis failures degrade like the response cache's: a failed get is "not known", a failed put is
 * "not stored" (logged); the tracker read path then asks WebWork as it did before the store.
 */
export class RedisTrackerStore implements TrackerStore {
  constructor(
    private readonly redis: Redis,
    private readonly options: { prefix: string; ttlSeconds: number; logger: Logger },
  ) {}

  async get(workspaceId: number, userId: number): Promise<TrackerSnapshot | undefined> {
    return (await this.getMany(workspaceId, [userId]))[0];
  }

  async getMany(workspaceId: number, userIds: readonly number[]): Promise<(TrackerSnapshot | undefined)[]> {
    if (userIds.length === 0) return [];
    try {
      const pipeline = this.redis.pipeline();
      for (const userId of userIds) pipeline.hget(this.key(workspaceId, userId), 'snapshot');
      const results = (await pipeline.exec()) ?? [];
      return userIds.map((_, i) => {
        const [error, value] = results[i] ?? [null, null];
        return error || typeof value !== 'string' ? undefined : (JSON.parse(value) as TrackerSnapshot);
      });
    } catch (error) {
      this.options.logger.warn({ err: error }, 'tracker store unavailable: reading trackers from WebWork');
      return userIds.map(() => undefined);
    }
  }

  async put(snapshot: TrackerSnapshot): Promise<boolean> {
    try {
      const outcome = await PUT.run(
        this.redis,
        [this.key(snapshot.workspaceId, snapshot.userId)],
        [
          Date.parse(snapshot.asOf),
          snapshot.source,
          stateOf(snapshot),
          JSON.stringify(snapshot),
          this.options.ttlSeconds * 1000,
          precedenceMs(snapshot.source, 'UPSTREAM_READ'),
          precedenceMs(snapshot.source, 'WEBHOOK'),
          snapshot.source === 'UPSTREAM_READ' && snapshot.isRunning === false ? '1' : '0',
          snapshot.isRunning === true ? '1' : '0',
        ],
      );
      return outcome === 2;
    } catch (error) {
      this.options.logger.warn({ err: error }, 'tracker store unavailable: snapshot not stored');
      return false;
    }
  }

  close(): Promise<void> {
    return Promise.resolve(); // the Redis connection belongs to the gateway
  }

  private key(workspaceId: number, userId: number): string {
    return liveKeys.tracker(this.options.prefix, workspaceId, userId);
  }
}
