import type { ChildProcess } from 'node:child_process';
import { cacheKey, callerScope, tags } from '../../src/cache/keys.js';
import { whenReady } from '../../src/cache/redis-client.js';
import { RedisStore } from '../../src/cache/redis-store.js';
import {
  INFO,
  WARN,
  capturingLogger,
  eventually,
  freePort,
  killRedisServer,
  startRedisServer,
  timed,
  uniquePrefix,
} from './redis-test-utils.js';

/**
 * A private redis-server is killed and restarted under a live store: the store must keep answering
 * (misses / no-ops) quickly, log the outage once, and recover on its own.
 */
describe('RedisStore during a Redis outage', () => {
  let port: number;
  let server: ChildProcess | undefined;
  let store: RedisStore | undefined;

  beforeAll(async () => {
    port = await freePort();
    server = await startRedisServer(port);
  });

  afterAll(async () => {
    await store?.close();
    if (server !== undefined) await killRedisServer(server);
  });

  it('degrades to misses and no-ops, logs once, and recovers when Redis is back', async () => {
    const { logger, lines } = capturingLogger();
    store = new RedisStore({ url: `redis://127.0.0.1:${port}`, prefix: uniquePrefix(), logger });
    expect(await whenReady(store.redis, 5000)).toBe(true);

    const scope = callerScope('token');
    const key = cacheKey(scope, 'members', { workspace_id: 7 });
    await store.set(key, 'before', 60, [tags.workspace(7)]);
    expect((await store.get(key))?.value).toBe('before');

    await killRedisServer(server!);

    for (let round = 0; round < 5; round++) {
      const get = await timed(() => store!.get(key));
      expect(get.result).toBeUndefined();
      const many = await timed(() => store!.getMany([key, key]));
      expect(many.result).toEqual([undefined, undefined]);
      const set = await timed(() => store!.set(key, 'during', 60, [tags.workspace(7)]));
      const invalidate = await timed(() => store!.invalidateTags([tags.workspace(7)]));
      for (const { ms } of [get, many, set, invalidate]) expect(ms).toBeLessThan(1000);
    }
    const warnings = lines.filter((line) => line.level === WARN);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toMatch(/redis cache unavailable/);

    server = await startRedisServer(port);
    const recovered = await eventually(async () => {
      await store!.set(key, 'after', 60, [tags.workspace(7)]);
      return (await store!.get(key))?.value === 'after';
    }, 15_000);
    expect(recovered).toBe(true);
    expect(lines.filter((line) => line.level === INFO && /recovered/.test(line.msg))).toHaveLength(1);
    expect(lines.filter((line) => line.level === WARN)).toHaveLength(1);

    await store.invalidateTags([tags.workspace(7)]);
    expect(await store.get(key)).toBeUndefined();
  });

  it('answers within the command timeout when Redis hangs instead of dying', async () => {
    const { logger, lines } = capturingLogger();
    const hung = new RedisStore({ url: `redis://127.0.0.1:${port}`, prefix: uniquePrefix(), logger });
    expect(await whenReady(hung.redis, 5000)).toBe(true);
    const key = cacheKey(callerScope('token'), 'projects');
    await hung.set(key, 'v', 60, []);

    server!.kill('SIGSTOP');
    try {
      const get = await timed(() => hung.get(key));
      expect(get.result).toBeUndefined();
      expect(get.ms).toBeLessThan(1000);
      const set = await timed(() => hung.set(key, 'w', 60, ['t']));
      expect(set.ms).toBeLessThan(1000);
      expect(lines.filter((line) => line.level === WARN)).toHaveLength(1);
    } finally {
      server!.kill('SIGCONT');
    }
    expect(await eventually(async () => (await hung.get(key)) !== undefined, 10_000)).toBe(true);
    await hung.close();
  });
});
