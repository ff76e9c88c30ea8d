import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '../cache/redis-test-utils.js';
import { REDIS_URL } from '../support/gateway-harness.js';

/**
 * Graceful shutdown of the real command (`node dist/src/main.js`, NODE_ENV=production as in the
 * Dockerfile) with a slow request in flight: the simulator's latency holds the request upstream.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: string | null; at: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { child, exit, output: () => output };
}

async function waitFor(url: string, status = 200): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).status === status) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} never answered ${status}`);
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

async function startPair(env: Record<string, string>) {
  const simPort = await freePort();
  run(['dist/src/simulator/main.js', '--port', String(simPort), '--host', '127.0.0.1', '--rate-limit', '0']);
  await waitFor(`http://127.0.0.1:${simPort}/__sim/health`);
  const port = await freePort();
  const gateway = run(['dist/src/main.js'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    WEBWORK_API_URL: `http://127.0.0.1:${simPort}/api/v2`,
    REDIS_URL,
    CACHE_PREFIX: `test-shutdown-${port}`,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    ...env,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/readyz`);
  const setLatency = (latencyMs: number) =>
    fetch(`http://127.0.0.1:${simPort}/__sim/config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs }),
    });
  const slowQuery = () =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-owner' },
      body: JSON.stringify({ query: '{ workspace(workspaceId: 1) { name } }' }),
    });
  return { gateway, url, setLatency, slowQuery };
}

describe('graceful shutdown (SIGTERM)', () => {
  beforeAll(() => {
    if (!existsSync(`${root}/dist/src/main.js`))
      throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  });

  it('answers /readyz 503, stops accepting, lets the request in flight finish, then exits 0', async () => {
    const { gateway, url, setLatency, slowQuery } = await startPair({
      SHUTDOWN_DELAY_MS: '800',
      DRAIN_TIMEOUT_MS: '8000',
    });
    await setLatency(2500);
    const startedAt = Date.now();
    const inFlight = slowQuery();
    await sleep(300);
    gateway.child.kill('SIGTERM');

    // During SHUTDOWN_DELAY_MS: still accepting, but not ready.
    await sleep(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'draining' });

    // After it: the listener is closed, the process still runs for the request in flight.
    await sleep(1300 - (Date.now() - startedAt - 300));
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    expect(gateway.child.exitCode).toBeNull();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { workspace: { name: 'Acme Studio' } } });
    expect(response.headers.get('connection')).toBe('close');
    const answeredAt = Date.now();
    expect(answeredAt - startedAt).toBeGreaterThanOrEqual(2400);

    const exit = await gateway.exit;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at).toBeGreaterThanOrEqual(answeredAt - 50);
    expect(gateway.output()).toContain('shutting down');
    expect(gateway.output()).toMatch(/"inFlight":1,.*"msg":"draining requests in flight"/);
    expect(gateway.output()).toContain('"msg":"stopped"');
  });

  it('bounds the drain by DRAIN_TIMEOUT_MS: a request slower than that is cut, the process exits 0', async () => {
    const { gateway, setLatency, slowQuery } = await startPair({ DRAIN_TIMEOUT_MS: '500' });
    await setLatency(6000);
    const inFlight = slowQuery().then(
      (response) => response.status,
      () => 'cut' as const,
    );
    await sleep(300);
    const signalledAt = Date.now();
    gateway.child.kill('SIGTERM');
    const exit = await gateway.exit;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - signalledAt).toBeLessThan(3000);
    expect(await inFlight).toBe('cut');
    expect(gateway.output()).toContain('drain timeout');
  });
});
