import type { Redis } from 'ioredis';
import { closeRedisClient, createRedisClient, whenReady } from '../../src/cache/redis-client.js';
import { createLiveBus } from '../../src/live/create-live-bus.js';
import { MemoryLiveBus } from '../../src/live/live-bus.js';
import type { LiveEvent } from '../../src/live/live-event.js';
import { liveKeys } from '../../src/live/live-keys.js';
import { RedisLiveBus } from '../../src/live/redis-live-bus.js';
import { silentLogger } from '../../src/logging/logger.js';
import { REDIS_URL, eventually, uniquePrefix } from '../cache/redis-test-utils.js';

/**
 * The live bus between gateway instances, on the real Redis: every listener of every instance
 * sharing the prefix gets each event exactly once (the publisher's own included), through
 * reconnects; foreign messages are dropped; publishing never fails.
 */

let publisher: Redis;
const buses: RedisLiveBus[] = [];

beforeAll(async () => {
  publisher = createRedisClient(REDIS_URL);
  if (!(await whenReady(publisher, 5000))) throw new Error(`expected Redis at ${REDIS_URL}`);
});

afterAll(async () => {
  await Promise.all(buses.map((bus) => bus.close()));
  await closeRedisClient(publisher);
});

const projectEvent = (projectId: number, workspaceId = 1): LiveEvent => ({
  kind: 'project',
  workspaceId,
  projectId,
  event: 'project.updated',
  at: new Date().toISOString(),
});

/** A bus whose subscription is in place, and what its one listener heard (probes left out). */
async function bus(prefix: string, client: Redis = publisher) {
  const b = new RedisLiveBus(client, { url: REDIS_URL, prefix });
  buses.push(b);
  const heard: LiveEvent[] = [];
  let subscribed = false;
  b.subscribe((event) =>
    event.kind === 'project' && event.projectId === 999_999 ? (subscribed = true) : heard.push(event),
  );
  // Probes from another sender id (published until one is heard) tell when the subscription is up.
  const ready = await eventually(async () => {
    await publisher.publish(
      liveKeys.channel(prefix),
      JSON.stringify({ from: 'probe', event: projectEvent(999_999) }),
    );
    return subscribed;
  }, 5000);
  if (!ready) throw new Error('live bus did not subscribe');
  return { bus: b, heard };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

it('an event published on one instance reaches every listener of both instances exactly once', async () => {
  const prefix = uniquePrefix();
  const a = await bus(prefix);
  const b = await bus(prefix);
  const second: LiveEvent[] = [];
  await settle(); // the probes still in flight
  b.bus.subscribe((event) => second.push(event));
  const event = projectEvent(7);
  await a.bus.publish(event);
  expect(await eventually(async () => b.heard.length === 1 && second.length === 1, 2000)).toBe(true);
  await settle();
  expect(a.heard).toEqual([event]); // its own, once: delivered locally, the Redis echo skipped
  expect(b.heard).toEqual([event]);
  expect(second).toEqual([event]);
});

it('instances of another prefix hear nothing', async () => {
  const a = await bus(uniquePrefix());
  const other = await bus(uniquePrefix());
  await a.bus.publish(projectEvent(8));
  await settle();
  expect(other.heard).toEqual([]);
});

it('drops what is not a LiveEvent: not JSON, unknown kind, bad ids, a tracker of another member', async () => {
  const prefix = uniquePrefix();
  const b = await bus(prefix);
  const channel = liveKeys.channel(prefix);
  const tracker = {
    workspaceId: 1,
    userId: 5,
    isRunning: true,
    activityDescription: null,
    startedAt: null,
    projectId: null,
    taskId: null,
    asOf: new Date().toISOString(),
    source: 'WEBHOOK',
  };
  const send = (event: unknown) => publisher.publish(channel, JSON.stringify({ from: 'x', event }));
  await publisher.publish(channel, 'not json');
  await send({ kind: 'nope', workspaceId: 1, event: 'x' });
  await send({ ...projectEvent(3), workspaceId: '1' });
  await send({ ...projectEvent(3), projectId: -3 });
  await send({ kind: 'tracker', workspaceId: 1, userId: 6, event: 'tracker.started', tracker });
  await send({ kind: 'tracker', workspaceId: 2, userId: 5, event: 'tracker.started', tracker });
  await send({ kind: 'tracker', workspaceId: 1, userId: 5, event: 'tracker.started', tracker });
  expect(await eventually(async () => b.heard.length > 0, 2000)).toBe(true);
  await settle();
  expect(b.heard).toEqual([
    { kind: 'tracker', workspaceId: 1, userId: 5, event: 'tracker.started', tracker },
  ]);
});

it('hears events again after its subscription connection drops (ioredis reconnects)', async () => {
  const prefix = uniquePrefix();
  const a = await bus(prefix);
  const b = await bus(prefix);
  (b.bus as unknown as { channel: { subscriber: Redis } }).channel.subscriber.disconnect(true);
  const back = await eventually(async () => {
    await a.bus.publish(projectEvent(11));
    return b.heard.some((e) => e.kind === 'project' && e.projectId === 11);
  }, 5000);
  expect(back).toBe(true);
});

it('publishing never fails, and still reaches local listeners, when Redis cannot take it', async () => {
  const dead = createRedisClient(REDIS_URL);
  await whenReady(dead, 5000);
  const b = new RedisLiveBus(dead, { url: REDIS_URL, prefix: uniquePrefix() });
  buses.push(b);
  const heard: LiveEvent[] = [];
  b.subscribe((event) => heard.push(event));
  await closeRedisClient(dead);
  await expect(b.publish(projectEvent(4))).resolves.toBeUndefined();
  await settle();
  expect(heard).toHaveLength(1);
});

it('createLiveBus picks the Redis bus when Redis is configured, the in-process one otherwise', async () => {
  const redisBus = createLiveBus({
    redis: publisher,
    redisUrl: REDIS_URL,
    prefix: uniquePrefix(),
    logger: silentLogger,
  });
  buses.push(redisBus as RedisLiveBus);
  expect(redisBus).toBeInstanceOf(RedisLiveBus);
  const memory = createLiveBus({ redis: undefined, redisUrl: undefined, prefix: 'x', logger: silentLogger });
  expect(memory).toBeInstanceOf(MemoryLiveBus);
});
