import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '../cache/redis-test-utils.js';
import { REDIS_URL } from '../support/gateway-harness.js';

/**
 * The exact commands docker-compose.yml runs (and `npm run simulator` / `npm start` wrap), started
 * as real processes from the build output (`npm test` builds first).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];

function run(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function waitFor(url: string, init?: RequestInit): Promise<Response> {
  for (let i = 0; i < 100; i++) {
    try {
      return await fetch(url, init);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} never answered`);
}

afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
});

describe('the commands docker-compose.yml runs', () => {
  beforeAll(() => {
    if (!existsSync(`${root}/dist/src/main.js`))
      throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  });

  it('simulator: node dist/src/simulator/main.js --port N serves the API and the stats, and prints the demo tokens', async () => {
    const port = await freePort();
    const sim = run(['dist/src/simulator/main.js', '--port', String(port), '--host', '127.0.0.1']);
    const response = await waitFor(`http://127.0.0.1:${port}/api/v2/members?workspace_id=1`, {
      headers: { authorization: 'Bearer demo-owner' },
    });
    const body = (await response.json()) as any;
    expect(body).toMatchObject({ success: true, meta: { pagination: { total: 50, per_page: 20 } } });
    const stats = (await (await fetch(`http://127.0.0.1:${port}/__sim/stats`)).json()) as any;
    expect(stats.byRoute['GET /members']).toBe(1);
    expect(sim.output()).toMatch(/demo-owner/);
  });

  it('simulator: a bad flag exits non-zero naming the flag', async () => {
    const bad = run(['dist/src/simulator/main.js', '--latency-ms', 'soon']);
    const code = await new Promise((resolve) => bad.child.on('exit', resolve));
    expect(code).toBe(2);
    expect(bad.output()).toMatch(/--latency-ms expects a non-negative integer, got "soon"/);
  });

  it('gateway: node dist/src/main.js with WEBWORK_API_URL and REDIS_URL answers GraphQL', async () => {
    const simPort = await freePort();
    run([
      'dist/src/simulator/main.js',
      '--port',
      String(simPort),
      '--host',
      '127.0.0.1',
      '--rate-limit',
      '0',
    ]);
    await waitFor(`http://127.0.0.1:${simPort}/__sim/health`);
    const port = await freePort();
    run(['dist/src/main.js'], {
      PORT: String(port),
      HOST: '127.0.0.1',
      WEBWORK_API_URL: `http://127.0.0.1:${simPort}/api/v2`,
      REDIS_URL,
      CACHE_PREFIX: `test-cli-${port}`,
      LOG_LEVEL: 'warn',
    });
    const health = await waitFor(`http://127.0.0.1:${port}/health`);
    expect(await health.json()).toEqual({ status: 'ok', cache: 'redis' });
    const result = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-owner' },
      body: JSON.stringify({
        query: '{ workspace(workspaceId: 1) { name members(first: 1) { totalCount } } }',
      }),
    });
    expect(await result.json()).toEqual({
      data: { workspace: { name: 'Acme Studio', members: { totalCount: 50 } } },
    });
  });

  it('gateway: a bad variable stops it at start with the variable name', async () => {
    const bad = run(['dist/src/main.js'], { PORT: 'eighty' });
    const code = await new Promise((resolve) => bad.child.on('exit', resolve));
    expect(code).toBe(2);
    expect(bad.output()).toMatch(/PORT must be an integer between 0 and 65535, got "eighty"/);
  });
});
