import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { RedisInvalidationBus } from '../../src/cache/invalidation-bus.js';
import { REDIS_URL, WARN, capturingLogger, eventually, uniquePrefix } from './redis-test-utils.js';

/** Two instances' buses on one Redis: what one publishes, the other hears; nothing is logged in vain. */
describe('RedisInvalidationBus', () => {
  const clients: Redis[] = [];
  const publisher = () => {
    const client = new Redis(REDIS_URL);
    clients.push(client);
    return client;
  };
  afterAll(() => clients.forEach((client) => client.disconnect()));

  it('carries tags to the other instances, not back to the sender', async () => {
    const prefix = uniquePrefix();
    const a = new RedisInvalidationBus(publisher(), { url: REDIS_URL, prefix });
    const b = new RedisInvalidationBus(publisher(), { url: REDIS_URL, prefix });
    const heardByA: string[][] = [];
    const heardByB: string[][] = [];
    a.onInvalidate((tags) => heardByA.push([...tags]));
    b.onInvalidate((tags) => heardByB.push([...tags]));
    try {
      // Subscriptions are made on 'ready'; publish until B hears one.
      const heard = await eventually(async () => {
        await a.publish(['ws:1:projects']);
        return heardByB.length > 0;
      }, 3000);
      expect(heard).toBe(true);
      expect(heardByB[0]).toEqual(['ws:1:projects']);
      expect(heardByA).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('closing while its subscription is being made logs no warning', async () => {
    // A Redis that completes the handshake but is slow to confirm SUBSCRIBE: the subscription is
    // still pending when the gateway shuts down.
    const server = createServer((socket) => {
      socket.on('data', (chunk) => {
        // One answer per command of the chunk (the client pipelines its handshake).
        for (const command of chunk
          .toString('utf8')
          .split(/\*\d+\r\n/)
          .slice(1)) {
          if (/subscribe/i.test(command)) {
            const confirm = '*3\r\n$9\r\nsubscribe\r\n$1\r\nx\r\n:1\r\n';
            setTimeout(() => socket.writable && socket.write(confirm), 100);
          } else if (/\binfo\b/i.test(command)) {
            const info = '# Server\r\nloading:0\r\n';
            socket.write(`$${info.length}\r\n${info}\r\n`);
          } else socket.write('+OK\r\n');
        }
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const { logger, lines } = capturingLogger();
    const bus = new RedisInvalidationBus(publisher(), {
      url: `redis://127.0.0.1:${port}`,
      prefix: uniquePrefix(),
      logger,
    });
    const subscriber = (bus as unknown as { subscriber: Redis }).subscriber;
    try {
      await once(subscriber, 'ready');
      await bus.close();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(lines.filter((line) => line.level >= WARN).map((line) => line.msg)).toEqual([]);
    } finally {
      server.close();
    }
  });
});
