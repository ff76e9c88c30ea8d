import { createServer } from 'node:http';
import { loadConfig } from '../../src/config/config.js';
import { startGateway } from '../../src/gateway.js';
import { freePort } from '../cache/redis-test-utils.js';
import { startStack, type Stack } from '../support/gateway-harness.js';
import { startTestSimulator } from '../support/sim-client.js';

/** /healthz (alive), /readyz (ready to serve: started, not draining, WebWork reachable), /health (alias). */
describe('health endpoints', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('/healthz and its alias /health: 200 while the process serves', async () => {
    for (const path of ['/healthz', '/health']) {
      const response = await fetch(`${stack.gateway.url}${path}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', cache: 'redis' });
    }
  });

  it('/readyz: 200 with the upstream reachable, Redis reported', async () => {
    const response = await fetch(`${stack.gateway.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      upstream: { reachable: true, detail: 'HTTP 401' },
      cache: 'redis',
      redis: 'ready',
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('/readyz: 503 while draining, with the reason', async () => {
    const draining = await startStack({ simulator: stack.sim });
    try {
      draining.gateway.observability.startDraining();
      const response = await fetch(`${draining.gateway.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        status: 'draining',
        reason: 'the gateway is shutting down',
      });
      // Still alive, and still answering (with connection: close, so clients move on).
      const alive = await fetch(`${draining.gateway.url}/healthz`);
      expect(alive.status).toBe(200);
      expect(alive.headers.get('connection')).toBe('close');
    } finally {
      await draining.close();
    }
  });
});

describe('/readyz when something is down', () => {
  it('503 naming the upstream when WebWork cannot be reached', async () => {
    // A simulator that is then closed: its port refuses connections.
    const sim = await startTestSimulator();
    const stack = await startStack({ simulator: sim, redis: false });
    let simClosed = false;
    try {
      expect((await fetch(`${stack.gateway.url}/readyz`)).status).toBe(200);
      await sim.close();
      simClosed = true;
      await new Promise((resolve) => setTimeout(resolve, 2100)); // past the probe's reuse
      const response = await fetch(`${stack.gateway.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'not ready',
        reason: 'the WebWork API is not reachable: ECONNREFUSED',
        upstream: { reachable: false, detail: 'ECONNREFUSED' },
        cache: 'memory',
        redis: 'not configured',
      });
      expect((await fetch(`${stack.gateway.url}/healthz`)).status).toBe(200);
    } finally {
      await stack.gateway.close();
      if (!simClosed) await sim.close();
    }
  });

  it('503 when WebWork answers with a server error (here a 502 from a proxy in front of it)', async () => {
    const upstream = createServer((_request, response) => response.writeHead(502).end('Bad Gateway'));
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const { port } = upstream.address() as { port: number };
    const gateway = await startGateway(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }),
      `http://127.0.0.1:${port}/api/v2`,
    );
    try {
      const response = await fetch(`${gateway.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        status: 'not ready',
        reason: 'the WebWork API is not reachable: HTTP 502',
        upstream: { reachable: false, detail: 'HTTP 502' },
      });
    } finally {
      await gateway.close();
      upstream.close();
    }
  });

  it('reports Redis as unavailable without failing readiness (the gateway serves without it)', async () => {
    const stack = await startStack({ env: { REDIS_URL: `redis://127.0.0.1:${await freePort()}` } });
    try {
      const response = await fetch(`${stack.gateway.url}/readyz`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { redis: string; status: string };
      expect(body.status).toBe('ready');
      expect(body.redis).toMatch(/^unavailable \((connecting|reconnecting|connect|wait|close|end)\)$/);
      const metrics = await (await fetch(`${stack.gateway.url}/metrics`)).text();
      expect(metrics).toMatch(/^wwgw_redis_up 0$/m);
    } finally {
      await stack.close();
    }
  });
});
