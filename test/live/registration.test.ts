import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { liveKeys } from '../../src/live/live-keys.js';
import { REDIS_URL, startStack, type Stack } from '../support/gateway-harness.js';
import { call } from '../support/sim-client.js';
import { deleteKeysUnder, uniquePrefix } from '../cache/redis-test-utils.js';
import { REGISTER } from './live-support.js';

let stack: Stack;
const prefix = uniquePrefix();
const redis = new Redis(REDIS_URL);
beforeAll(async () => {
  stack = await startStack({ env: { CACHE_PREFIX: prefix, PUBLIC_URL: 'http://gateway.test:8080/' } });
});
afterAll(async () => {
  await stack.close();
  await deleteKeysUnder(redis, prefix);
  redis.disconnect();
});

const hooksFor = (workspaceId: number, url: string) =>
  [...stack.sim.state.webhooks.values()].filter((w) => w.workspaceId === workspaceId && w.url === url);

describe('registerWebhooks', () => {
  it('registers PUBLIC_URL + WEBHOOK_PATH for every documented event, once however often it is called', async () => {
    const url = 'http://gateway.test:8080/webhooks/webwork';
    await stack.resetUpstreamStats();
    const first = await stack.gql(REGISTER, { ws: 1 });
    expect(first.errors).toBeUndefined();
    expect(first.data.registerWebhooks).toMatchObject({ workspaceId: 1, url });
    expect(first.data.registerWebhooks.events).toHaveLength(10);
    expect(hooksFor(1, url)).toHaveLength(1);

    const second = await stack.gql(REGISTER, { ws: 1 }, 'demo-manager');
    expect(second.errors).toBeUndefined();
    expect(second.data.registerWebhooks).toEqual(first.data.registerWebhooks);
    expect(hooksFor(1, url)).toHaveLength(1);
    expect((await stack.upstreamStats()).byRoute['POST /webhooks']).toBe(1);

    // The stored registration holds a digest of the delivery token, never the token itself.
    const stored = await redis.get(liveKeys.webhookRegistration(prefix, 1));
    expect(stored).not.toContain(hooksFor(1, url)[0]!.token);
    expect(JSON.parse(stored!).tokenDigests).toHaveLength(1);
  });

  it('reuses a webhook already delivering to that URL, completing its events', async () => {
    const url = 'http://gateway.test:8080/webhooks/webwork';
    const made = await call(stack.sim, 'POST', '/webhooks', {
      token: 'demo-owner-2',
      body: { workspace_id: 2, url, events: ['tracker.started'] },
    });
    expect(made.status).toBe(200);
    const registered = await stack.gql(REGISTER, { ws: 2 }, 'demo-owner-2');
    expect(registered.errors).toBeUndefined();
    expect(registered.data.registerWebhooks.webhookIds).toEqual([made.body.data.id]);
    expect(hooksFor(2, url)).toHaveLength(1);
    expect(hooksFor(2, url)[0]!.events).toHaveLength(10);
  });

  it('is FORBIDDEN for a Regular User, and refuses a bad workspace id before any call', async () => {
    const refused = await stack.gql(REGISTER, { ws: 1 }, 'demo-member');
    expect(refused.data).toEqual({ registerWebhooks: null });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toMatch(/Owners and Executive Managers/);
    const bad = await stack.gql(REGISTER, { ws: 0 });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('the CLI registers idempotently into the same Redis (npm run webhooks:register)', async () => {
    const cli = fileURLToPath(new URL('../../dist/src/live/register-cli.js', import.meta.url));
    const env = {
      ...process.env,
      WEBWORK_API_URL: stack.sim.apiUrl,
      REDIS_URL,
      CACHE_PREFIX: prefix,
      PUBLIC_URL: 'http://cli.test',
      WEBWORK_TOKEN: 'demo-owner',
      LOG_LEVEL: 'silent',
    };
    const run = () => promisify(execFile)(process.execPath, [cli, '--workspace', '1'], { env });
    const first = JSON.parse((await run()).stdout);
    const second = JSON.parse((await run()).stdout);
    expect(first).toMatchObject({ workspaceId: 1, url: 'http://cli.test/webhooks/webwork' });
    expect(second.webhookIds).toEqual(first.webhookIds);
    expect(hooksFor(1, 'http://cli.test/webhooks/webwork')).toHaveLength(1);
    expect(JSON.stringify(first)).not.toMatch(/whsec_|tokenDigests/);
    const refused = await promisify(execFile)(process.execPath, [cli, '--workspace', '1'], {
      env: { ...env, WEBWORK_TOKEN: 'demo-member' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('FORBIDDEN') });
  });
});
