import type { Redis } from 'ioredis';
import { closeRedisClient, createRedisClient, whenReady } from '../../src/cache/redis-client.js';
import { RedisStore } from '../../src/cache/redis-store.js';
import { REDIS_URL, deleteKeysUnder, uniquePrefix } from './redis-test-utils.js';

/** RedisStore at its edges, on the real Redis under a prefix of its own. */

const prefix = uniquePrefix();
let client: Redis;

beforeAll(async () => {
  client = createRedisClient(REDIS_URL);
  if (!(await whenReady(client, 5000))) throw new Error(`expected Redis at ${REDIS_URL}; it did not answer`);
});

afterAll(async () => {
  await deleteKeysUnder(client, prefix);
  await closeRedisClient(client);
});

const ns = `${prefix}:v1:`;

it('a longer-lived entry extends its tag set’s life to its own', async () => {
  const store = new RedisStore({ client, prefix });
  await store.set('short', 'v', 5, ['grow']);
  expect(await client.ttl(`${ns}tag:grow`)).toBeLessThanOrEqual(5);
  await store.set('long', 'v', 60, ['grow']);
  expect(await client.ttl(`${ns}tag:grow`)).toBeGreaterThan(55);
});

it('a TTL in fractions of a second is rounded up, a TTL of zero or less stores nothing', async () => {
  const store = new RedisStore({ client, prefix });
  await store.set('fraction', 'v', 0.2, ['f']);
  expect(await client.ttl(`${ns}fraction`)).toBe(1);
  await store.set('zero', 'v', 0, ['z']);
  await store.set('negative', 'v', -3, ['z']);
  expect(await client.exists(`${ns}zero`, `${ns}negative`, `${ns}tag:z`)).toBe(0);
});

it('the prefix defaults to wwgw and the schema version to 1', async () => {
  const store = new RedisStore({ client });
  const key = `${prefix}-default-layout`;
  try {
    await store.set(key, 'v', 30, []);
    expect(await client.exists(`wwgw:v1:${key}`)).toBe(1);
  } finally {
    await client.del(`wwgw:v1:${key}`);
  }
});

it('a value it did not write is a miss, not a crash', async () => {
  const store = new RedisStore({ client, prefix });
  await client.set(`${ns}no-colon`, 'plain', 'EX', 30);
  await client.set(`${ns}not-a-time`, 'abc:value', 'EX', 30);
  await client.set(`${ns}good`, '123:a:b', 'EX', 30);
  expect(await store.get('no-colon')).toBeUndefined();
  expect(await store.get('not-a-time')).toBeUndefined();
  expect(await store.get('good')).toEqual({ value: 'a:b', storedAt: 123 });
  expect(await store.getMany(['no-colon', 'not-a-time', 'good'])).toEqual([
    undefined,
    undefined,
    { value: 'a:b', storedAt: 123 },
  ]);
});

it('no keys, no tags: answered without asking Redis (also when it is unreachable)', async () => {
  const store = new RedisStore({ url: 'redis://127.0.0.1:1', prefix });
  try {
    expect(await store.getMany([])).toEqual([]);
    await expect(store.invalidateTags([])).resolves.toBeUndefined();
  } finally {
    await store.close();
  }
});

it('invalidating deletes the entries and the tag set itself', async () => {
  const store = new RedisStore({ client, prefix });
  await store.set('a', 'v', 30, ['gone', 'kept']);
  await store.invalidateTags(['gone']);
  expect(await client.exists(`${ns}a`, `${ns}tag:gone`)).toBe(0);
});

it('closing a store does not close a client it was given', async () => {
  const store = new RedisStore({ client, prefix });
  await store.close();
  expect(await client.ping()).toBe('PONG');
});
