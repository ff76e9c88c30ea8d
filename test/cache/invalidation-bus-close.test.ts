import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { RedisInvalidationBus } from '../../src/cache/invalidation-bus.js';
import { REDIS_URL, WARN, capturingLogger, uniquePrefix } from './redis-test-utils.js';

/** Closing a bus whose subscription is still being made is not a failure worth a warning. */
describe('RedisInvalidationBus closing', () => {
  const clients: Redis[] = [];
  const publisher = () => {
    const client = new Redis(REDIS_URL);
    clients.push(client);
    return client;
  };
  afterAll(() => clients.forEach((client) => client.disconnect()));

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
    const subscriber = (bus as unknown as { channel: { subscriber: Redis } }).channel.subscriber;
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
