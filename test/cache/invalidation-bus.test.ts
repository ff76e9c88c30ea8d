import type { Redis } from 'ioredis';
import { RedisInvalidationBus } from '../../src/cache/invalidation-bus.js';
import { invalidationChannel } from '../../src/cache/keys.js';
import { closeRedisClient, createRedisClient, whenReady } from '../../src/cache/redis-client.js';
import { REDIS_URL, eventually, uniquePrefix } from './redis-test-utils.js';

/**
 * The invalidation bus between gateway instances, on the real Redis: an instance hears the others'
 * invalidations (not its own, and not those of another prefix), ignores what is not one of its
 * messages, and is told when it may have missed some (its subscription came back).
 */

let publisher: Redis;
const buses: RedisInvalidationBus[] = [];

beforeAll(async () => {
  publisher = createRedisClient(REDIS_URL);
  if (!(await whenReady(publisher, 5000))) throw new Error(`expected Redis at ${REDIS_URL}`);
});

afterAll(async () => {
  await Promise.all(buses.map((bus) => bus.close()));
  await closeRedisClient(publisher);
});

/** A bus whose subscription is in place (it is made on `ready`, asynchronously). */
async function bus(prefix: string) {
  const b = new RedisInvalidationBus(publisher, { url: REDIS_URL, prefix });
  buses.push(b);
  const heard: string[][] = [];
  let subscribed = false;
  // Probes (published until one is heard) tell when the subscription is in place; they are not kept.
  b.onInvalidate((tags) => (tags[0] === 'probe' ? (subscribed = true) : heard.push([...tags])));
  const ready = await eventually(async () => {
    await publisher.publish(invalidationChannel(prefix), JSON.stringify({ from: 'probe', tags: ['probe'] }));
    return subscribed;
  }, 5000);
  if (!ready) throw new Error('bus did not subscribe');
  return { bus: b, heard };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

it('an instance hears the other instances’ invalidations, not its own', async () => {
  const prefix = uniquePrefix();
  const a = await bus(prefix);
  const b = await bus(prefix);
  await a.bus.publish(['ws:1:members', 'ws:1']);
  expect(await eventually(async () => b.heard.length === 1, 2000)).toBe(true);
  expect(b.heard).toEqual([['ws:1:members', 'ws:1']]);
  await settle();
  expect(a.heard).toEqual([]);
});

it('instances of another prefix do not hear them', async () => {
  const a = await bus(uniquePrefix());
  const other = await bus(uniquePrefix());
  await a.bus.publish(['ws:2']);
  await settle();
  expect(other.heard).toEqual([]);
});

it('ignores messages that are not JSON or carry no tag list', async () => {
  const prefix = uniquePrefix();
  const b = await bus(prefix);
  const channel = invalidationChannel(prefix);
  await publisher.publish(channel, 'not json');
  await publisher.publish(channel, JSON.stringify({ from: 'x', tags: 'ws:1' }));
  await publisher.publish(channel, JSON.stringify({ from: 'x' }));
  await publisher.publish(channel, JSON.stringify({ from: 'x', tags: ['ws:3'] }));
  expect(await eventually(async () => b.heard.length > 0, 2000)).toBe(true);
  await settle();
  expect(b.heard).toEqual([['ws:3']]);
});

it('a lost publisher never fails the write that published', async () => {
  const deadPublisher = createRedisClient(REDIS_URL);
  await whenReady(deadPublisher, 5000);
  const b = new RedisInvalidationBus(deadPublisher, { url: REDIS_URL, prefix: uniquePrefix() });
  buses.push(b);
  await closeRedisClient(deadPublisher);
  await expect(b.publish(['ws:1'])).resolves.toBeUndefined();
});

it('says it may have missed messages when its subscription comes back, not when it first subscribes', async () => {
  const prefix = uniquePrefix();
  const b = await bus(prefix);
  let missed = 0;
  b.bus.onPossiblyMissed(() => missed++);
  await settle();
  expect(missed).toBe(0);
  // Drop the subscriber's connection as a network failure would; ioredis reconnects it.
  (b.bus as unknown as { channel: { subscriber: Redis } }).channel.subscriber.disconnect(true);
  expect(await eventually(async () => missed === 1, 5000)).toBe(true);
  // And it hears invalidations again.
  const a = await bus(prefix);
  await a.bus.publish(['ws:9']);
  expect(await eventually(async () => b.heard.some((t) => t.includes('ws:9')), 2000)).toBe(true);
});
