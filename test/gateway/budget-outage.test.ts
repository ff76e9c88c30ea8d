import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { callerScope } from '../../src/cache/keys.js';
import { eventually, freePort, killRedisServer, startRedisServer } from '../cache/redis-test-utils.js';
import { startStack, type Stack } from '../support/gateway-harness.js';

/**
 * The upstream budget fails safe when Redis goes away (a private redis-server, killed and restarted):
 * each instance keeps counting locally with its share of the limit (UPSTREAM_RATE_LIMIT /
 * UPSTREAM_RATE_LIMIT_INSTANCES), and goes back to the shared count in Redis when Redis is back.
 * The cache is off, so every GraphQL read below is one upstream call unless the budget refuses it.
 */
describe('rate budget during a Redis outage', () => {
  const LIMIT = 10;
  const INSTANCES = 2;
  const READ = '{ workspaces { workspaceId } }';
  let redis: ChildProcess;
  let port: number;
  let stack: Stack;
  let prefix: string;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedisServer(port);
    prefix = `test-budget-${port}`;
    stack = await startStack({
      env: {
        REDIS_URL: `redis://127.0.0.1:${port}`,
        CACHE_PREFIX: prefix,
        CACHE_ENABLED: 'false',
        UPSTREAM_RETRIES: '0',
        UPSTREAM_RATE_LIMIT: String(LIMIT),
        UPSTREAM_RATE_LIMIT_INSTANCES: String(INSTANCES),
      },
    });
  });
  afterAll(async () => {
    await stack.close();
    await killRedisServer(redis);
  });

  /** Sends `n` reads one after another; returns how many were refused with RATE_LIMITED. */
  async function readTimes(n: number): Promise<number> {
    let limited = 0;
    for (let i = 0; i < n; i++) {
      const response = await stack.gql(READ);
      if (response.errors?.[0]?.extensions?.code === 'RATE_LIMITED') limited++;
      else expect(response.errors).toBeUndefined();
    }
    return limited;
  }

  it('allows one token at most limit / instances calls per window while Redis is down, then shares again', async () => {
    // Healthy, with another token, so the connection is known to work before the outage.
    expect((await stack.gql(READ, {}, 'demo-manager')).errors).toBeUndefined();

    await killRedisServer(redis);
    await stack.resetUpstreamStats();
    expect(await readTimes(3 * LIMIT)).toBe(3 * LIMIT - LIMIT / INSTANCES);
    expect((await stack.upstreamStats()).byRoute['GET /workspaces']).toBe(LIMIT / INSTANCES);

    redis = await startRedisServer(port);
    await stack.resetUpstreamStats();
    // The local window of this token is full: the first read that passes is decided by Redis again.
    expect(await eventually(async () => (await stack.gql(READ)).errors === undefined, 15_000)).toBe(true);
    expect(await readTimes(2 * LIMIT)).toBe(2 * LIMIT - (LIMIT - 1));
    expect((await stack.upstreamStats()).byRoute['GET /workspaces']).toBe(LIMIT);
    const client = new Redis(`redis://127.0.0.1:${port}`);
    try {
      expect(await client.zcard(`${prefix}:rate:${callerScope('demo-owner').id}`)).toBe(LIMIT);
    } finally {
      client.disconnect();
    }
  });
});
