import { once } from 'node:events';
import { createServer, type AddressInfo, type Server } from 'node:net';
import type { Redis } from 'ioredis';
import { RedisInvalidationBus } from '../../src/cache/invalidation-bus.js';
import { invalidationChannel } from '../../src/cache/keys.js';
import { LuaScript } from '../../src/cache/lua-script.js';
import { MemoryStore } from '../../src/cache/memory-store.js';
import { NearCache } from '../../src/cache/near-cache.js';
import { OutageReporter } from '../../src/cache/outage-reporter.js';
import {
  connectForFile,
  INFO,
  REDIS_URL,
  WARN,
  capturingLogger,
  eventually,
  uniquePrefix,
} from './redis-test-utils.js';

/**
 * Edges of the smaller cache parts the mutation run found untested: a tag listed twice, a Lua script
 * that fails after writing, a bus that is closed or refused its subscription, the fields of the
 * "recovered" line.
 */

const prefix = uniquePrefix();
let client: Redis;

connectForFile(prefix, (c) => (client = c));

describe('an entry that lists a tag twice', () => {
  it('is invalidated without error, from the near cache and from the memory store', async () => {
    const now = 1_000_000;
    const near = new NearCache({ maxBytes: 10_000, maxAgeMs: 5_000, clock: () => now });
    near.set('k', 1, now, ['t', 't'], 1, 60_000);
    expect(() => near.invalidateTags(['t'])).not.toThrow();
    expect(near.get('k')).toBeUndefined();

    const store = new MemoryStore();
    await store.set('k', 'v', 60, ['t', 't']);
    await expect(store.invalidateTags(['t'])).resolves.toBeUndefined();
    expect(await store.get('k')).toBeUndefined();
  });
});

describe('LuaScript', () => {
  it('runs a script by its SHA once the server knows it: the body is sent once', async () => {
    const script = new LuaScript(`return 1 -- ${prefix}-sha`);
    let evals = 0;
    const counting = new Proxy(client, {
      get: (target, name) => {
        if (name === 'eval') evals += 1;
        const value = Reflect.get(target, name) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await script.run(counting, [], []);
    await script.run(counting, [], []);
    await script.run(counting, [], []);
    expect(evals).toBe(1);
  });

  it('never runs a script again after it failed (its writes are not rolled back)', async () => {
    const counter = `${prefix}:counter`;
    const script = new LuaScript(
      `redis.call('INCR', KEYS[1]) return redis.call('NOT_A_COMMAND') -- ${prefix}`,
    );
    // Loaded first, so the failure below is the script's own, not NOSCRIPT.
    await client.script(
      'LOAD',
      `redis.call('INCR', KEYS[1]) return redis.call('NOT_A_COMMAND') -- ${prefix}`,
    );
    await expect(script.run(client, [counter], [])).rejects.toThrow();
    expect(await client.get(counter)).toBe('1');
  });
});

describe('RedisInvalidationBus', () => {
  async function subscribedBus(busPrefix: string) {
    const bus = new RedisInvalidationBus(client, { url: REDIS_URL, prefix: busPrefix });
    const heard: string[][] = [];
    let subscribed = false;
    // Probes (published until one is heard) tell when the subscription is in place; they are not kept.
    bus.onInvalidate((tags) => (tags[0] === 'probe' ? (subscribed = true) : heard.push([...tags])));
    const ready = await eventually(async () => {
      await client.publish(
        invalidationChannel(busPrefix),
        JSON.stringify({ from: 'probe', tags: ['probe'] }),
      );
      return subscribed;
    }, 5000);
    if (!ready) throw new Error('bus did not subscribe');
    return { bus, heard };
  }

  it('hears nothing once closed', async () => {
    const busPrefix = uniquePrefix();
    const { bus, heard } = await subscribedBus(busPrefix);
    await bus.close();
    await client.publish(invalidationChannel(busPrefix), JSON.stringify({ from: 'other', tags: ['ws:1'] }));
    // Long enough for a subscribed connection to hear it; a closed one never does.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(heard).toEqual([]);
  });

  describe('when Redis refuses the subscription', () => {
    let server: Server;
    beforeAll(async () => {
      // Answers the handshake, refuses SUBSCRIBE.
      server = createServer((socket) => {
        socket.on('data', (chunk) => {
          for (const command of chunk
            .toString('utf8')
            .split(/\*\d+\r\n/)
            .slice(1)) {
            if (/subscribe/i.test(command)) socket.write('-ERR subscriptions refused here\r\n');
            else if (/\binfo\b/i.test(command)) {
              const info = '# Server\r\nloading:0\r\n';
              socket.write(`$${info.length}\r\n${info}\r\n`);
            } else socket.write('+OK\r\n');
          }
        });
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
    });
    afterAll(() => server.close());

    it('warns, with the reason, through the logger it was given', async () => {
      const { port } = server.address() as AddressInfo;
      const { logger, lines } = capturingLogger();
      const bus = new RedisInvalidationBus(client, { url: `redis://127.0.0.1:${port}`, prefix, logger });
      try {
        const warned = () => lines.some((l) => l.level === WARN);
        expect(await eventually(async () => warned(), 5000)).toBe(true);
        expect(lines.find((l) => l.level === WARN)).toMatchObject({
          msg: 'gateway-invalidations: subscribe failed',
          err: expect.stringMatching(/subscriptions refused here/),
        });
      } finally {
        await bus.close();
      }
    });
  });
});

describe('OutageReporter', () => {
  it('names the component on the "recovered" line', () => {
    const { logger, lines } = capturingLogger();
    const reporter = new OutageReporter(logger, 'redis cache', 'serving misses');
    reporter.failed('get', new Error('down'));
    reporter.succeeded();
    expect(lines[1]).toMatchObject({ level: INFO, component: 'redis cache', msg: 'redis cache recovered' });
  });
});
