import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LuaScript } from '../cache/lua-script.js';
import { OutageReporter } from '../cache/outage-reporter.js';
import type { Logger } from '../logging/logger.js';

/**
 * Elects the one instance that polls a workspace's trackers when it has no webhooks (issue 10,
 * "A Redis lock elects who polls"). `acquire` takes or renews the lock for `ttlMs`; the holder calls
 * it again well within the TTL to keep it. If the holder dies, the lock expires and another instance's
 * next `acquire` takes over. Never rejects: an unreachable Redis means "not the holder".
 */
export interface PollerLock {
  acquire(workspaceId: number): Promise<boolean>;
  release(workspaceId: number): Promise<void>;
}

/** Renews only a lock this instance still holds. KEYS: lock. ARGV: owner, ttl ms. */
const renewScript = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`);

/** Deletes only a lock this instance still holds (compare-and-delete). KEYS: lock. ARGV: owner. */
const releaseScript = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`);

/** `SET key owner NX PX ttl`, renewed and released by Lua scripts that first compare the owner. */
export class RedisPollerLock implements PollerLock {
  /** Random per instance: the value that says "this instance holds it". */
  private readonly owner = randomBytes(12).toString('hex');
  private readonly outage: OutageReporter;

  constructor(
    private readonly client: Redis,
    private readonly keyOf: (workspaceId: number) => string,
    private readonly ttlMs: number,
    logger: Logger,
  ) {
    // One warning per outage, not one per poll step.
    this.outage = new OutageReporter(logger, 'live board poller lock', 'not polling until it answers');
  }

  async acquire(workspaceId: number): Promise<boolean> {
    const key = this.keyOf(workspaceId);
    try {
      const taken = (await this.client.set(key, this.owner, 'PX', this.ttlMs, 'NX')) === 'OK';
      const held = taken || (await renewScript.run(this.client, [key], [this.owner, this.ttlMs])) === 1;
      this.outage.succeeded();
      return held;
    } catch (err) {
      this.outage.failed(`acquire ${workspaceId}`, err);
      return false;
    }
  }

  async release(workspaceId: number): Promise<void> {
    try {
      await releaseScript.run(this.client, [this.keyOf(workspaceId)], [this.owner]);
    } catch (err) {
      // Not fatal: the lock expires after its TTL and another instance takes over then.
      this.outage.failed(`release ${workspaceId}`, err);
    }
  }
}

/** Without Redis there is one instance: it always polls. */
export const singleInstanceLock: PollerLock = {
  acquire: () => Promise.resolve(true),
  release: () => Promise.resolve(),
};
