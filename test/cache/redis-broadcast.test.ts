import { Redis } from 'ioredis';
import { RedisBroadcast } from '../../src/cache/redis-broadcast.js';
import { REDIS_URL, uniquePrefix } from './redis-test-utils.js';

/**
 * The pub/sub plumbing under the invalidation bus and the live bus, on real Redis: another
 * instance's messages arrive as objects; anything else on the channel (or another channel the
 * connection hears) is dropped before a listener sees it, and a sender never hears itself.
 */
const raw = new Redis(REDIS_URL);
afterAll(() => raw.disconnect());

const until = async (check: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return check();
};

/** Two instances on one channel; resolves once the second hears the first. */
async function pair() {
  const channel = `${uniquePrefix()}:broadcast`;
  const publisher = new Redis(REDIS_URL);
  const a = new RedisBroadcast(publisher, { url: REDIS_URL, channel, connectionName: 'test-a' });
  const b = new RedisBroadcast(publisher, { url: REDIS_URL, channel, connectionName: 'test-b' });
  const heard: Record<string, unknown>[] = [];
  b.onMessage((m) => heard.push(m));
  const ready = await until(() => {
    void a.publish({ probe: true } as never);
    return heard.some((m) => m.probe === true);
  });
  expect(ready).toBe(true);
  heard.length = 0;
  return {
    channel,
    a,
    b,
    heard,
    close: () => {
      a.close();
      b.close();
      publisher.disconnect();
    },
  };
}

it('delivers another instance’s object messages, and drops everything else on the channel', async () => {
  const { channel, a, heard, close } = await pair();
  try {
    for (const junk of ['not json', '5', 'null', '"text"', '{"tags":["x"]}', '{"from":7,"tags":["x"]}'])
      await raw.publish(channel, junk);
    await raw.publish(`${channel}-other`, JSON.stringify({ from: 'elsewhere', n: 1 }));
    expect(await a.publish({ n: 2 } as never)).toBe(true);
    expect(await until(() => heard.some((m) => m.n === 2))).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    // Probes of pair() may still arrive; everything else must be the one real message.
    expect(heard.filter((m) => m.probe !== true)).toEqual([{ n: 2, from: expect.any(String) }]);
  } finally {
    close();
  }
});

it('a sender never hears its own messages', async () => {
  const { a, heard, close } = await pair();
  const own: Record<string, unknown>[] = [];
  a.onMessage((m) => own.push(m));
  try {
    await a.publish({ n: 3 } as never);
    expect(await until(() => heard.some((m) => m.n === 3))).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(own).toEqual([]);
  } finally {
    close();
  }
});

it('publish resolves false, never rejects, when Redis does not take the message', async () => {
  const closed = new Redis(REDIS_URL, { lazyConnect: true, enableOfflineQueue: false });
  const broadcast = new RedisBroadcast(closed, {
    url: REDIS_URL,
    channel: `${uniquePrefix()}:broadcast`,
    connectionName: 'test-closed',
  });
  try {
    expect(await broadcast.publish({ n: 4 } as never)).toBe(false);
  } finally {
    broadcast.close();
    closed.disconnect();
  }
});
