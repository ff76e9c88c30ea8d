import type { Redis } from 'ioredis';
import { RedisInvalidationBus } from '../../src/cache/invalidation-bus.js';
import { invalidationChannel } from '../../src/cache/keys.js';
import { MemoryStore } from '../../src/cache/memory-store.js';
import { closeRedisClient, createRedisClient, whenReady } from '../../src/cache/redis-client.js';
import { ResponseCache } from '../../src/cache/response-cache.js';
import { REDIS_URL, eventually, uniquePrefix } from './redis-test-utils.js';

/**
 * The gateway builds a bus without a near cache when only whole responses are kept in process
 * (CACHE_NEAR_MAX_MB=0 with Redis, see gateway-core.ts): a subscription that comes back must still
 * clear the dependents, with no near cache to clear.
 */
it('a bus without a near cache: "possibly missed" still clears the dependents', async () => {
  const publisher: Redis = createRedisClient(REDIS_URL);
  expect(await whenReady(publisher, 5000)).toBe(true);
  const prefix = uniquePrefix();
  const bus = new RedisInvalidationBus(publisher, { url: REDIS_URL, prefix });
  const cache = new ResponseCache(new MemoryStore(), { bus });
  let cleared = 0;
  cache.addDependent({ invalidateTags: () => undefined, clear: () => void cleared++ });
  try {
    // Wait for the first subscription (it is not a "possibly missed"): probes until one is heard.
    let subscribed = false;
    bus.onInvalidate(() => (subscribed = true));
    const heard = await eventually(async () => {
      await publisher.publish(
        invalidationChannel(prefix),
        JSON.stringify({ from: 'probe', tags: ['probe'] }),
      );
      return subscribed;
    }, 5000);
    expect(heard).toBe(true);
    // Then drop the subscriber's connection as a network failure would; ioredis reconnects it.
    (bus as unknown as { channel: { subscriber: Redis } }).channel.subscriber.disconnect(true);
    expect(await eventually(async () => cleared === 1, 5000)).toBe(true);
  } finally {
    await bus.close();
    await closeRedisClient(publisher);
  }
});
