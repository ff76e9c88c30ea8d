import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { envVariables } from '../../src/config/config.js';
import { defaultSimulatorOptions, numericFlags } from '../../src/simulator/options.js';
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

/** Resolves with the exit code, and how long after its first stderr line the process exited. */
function exited(child: ChildProcess): Promise<{ code: number | null; afterErrorMs: number }> {
  let firstError: number | undefined;
  child.stderr!.once('data', () => (firstError = Date.now()));
  return new Promise((resolve) =>
    child.on('exit', (code) => resolve({ code, afterErrorMs: Date.now() - (firstError ?? Date.now()) })),
  );
}

/** A port something already listens on. */
async function busyPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

const NO_STACK = /\n\s+at .+:\d+:\d+/;

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

  it('gateway: --help lists every variable with its default and exits 0 without starting anything', async () => {
    const port = await freePort();
    const help = run(['dist/src/main.js', '--help'], {
      PORT: String(port),
      SIMULATOR_PORT: '0',
      LOG_LEVEL: 'info',
    });
    const { code } = await exited(help.child);
    expect(code).toBe(0);
    const output = help.output();
    expect(output).toMatch(/^Usage: node dist\/src\/main\.js/);
    for (const variable of envVariables()) {
      const shown = variable.default === undefined ? '(unset)' : String(variable.default);
      expect(output).toMatch(
        new RegExp(`^${variable.name} +${shown.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} +\\S`, 'm'),
      );
    }
    // No log line, no banner: neither the gateway nor the embedded simulator started.
    expect(output).not.toMatch(/gateway ready|"level"|listening on|Demo token/);
    // Nothing listened on PORT.
    const probe = createServer();
    await new Promise<void>((resolve, reject) =>
      probe.once('error', reject).listen(port, '127.0.0.1', resolve),
    );
    probe.close();
    // Even with a bad variable: help is printed before the configuration is read.
    const withBadVariable = run(['dist/src/main.js', '--help'], { PORT: 'eighty' });
    expect((await exited(withBadVariable.child)).code).toBe(0);
  });

  it('simulator: --help lists every flag with its default and exits 0 without starting', async () => {
    const help = run(['dist/src/simulator/main.js', '--help', '--port', '1']);
    const { code } = await exited(help.child);
    expect(code).toBe(0);
    const output = help.output();
    expect(output).toMatch(/^Usage: node dist\/src\/simulator\/main\.js/);
    expect(output).not.toContain('listening');
    for (const [flag, key] of Object.entries(numericFlags)) {
      expect(output).toMatch(
        new RegExp(`^--${flag} +${String(defaultSimulatorOptions[key]).replace('.', '\\.')} +\\S`, 'm'),
      );
    }
    expect(output).toMatch(/^--port +4010 /m);
    expect(output).toMatch(/^--host +127\.0\.0\.1 /m);
    expect(output).toMatch(/^--profile +docs-exact /m);
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

  it('gateway: credentials in REDIS_URL are not printed', async () => {
    const simPort = await freePort();
    run(['dist/src/simulator/main.js', '--port', String(simPort), '--rate-limit', '0']);
    await waitFor(`http://127.0.0.1:${simPort}/__sim/health`);
    const port = await freePort();
    const gateway = run(['dist/src/main.js'], {
      PORT: String(port),
      HOST: '127.0.0.1',
      WEBWORK_API_URL: `http://127.0.0.1:${simPort}/api/v2`,
      REDIS_URL: REDIS_URL.replace('redis://', 'redis://:redis-pa55word@'),
      CACHE_PREFIX: `test-cli-${port}`,
      LOG_LEVEL: 'info',
    });
    await waitFor(`http://127.0.0.1:${port}/health`);
    for (let i = 0; i < 50 && !gateway.output().includes('gateway ready'); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const output = gateway.output();
    expect(output).toContain('gateway ready');
    expect(output).toContain(`"upstream":"http://127.0.0.1:${simPort}/api/v2"`);
    expect(output).toContain('"redis":"redis://***@127.0.0.1:6379');
    expect(output).not.toMatch(/pa55word/);
  });

  it('gateway: credentials in WEBWORK_API_URL stop it at start, not echoed', async () => {
    const bad = run(['dist/src/main.js'], {
      WEBWORK_API_URL: 'http://apiuser:api-pa55word@127.0.0.1:1/api/v2',
    });
    const { code } = await exited(bad.child);
    expect(code).toBe(2);
    expect(bad.output()).toMatch(
      /WEBWORK_API_URL must not contain credentials .* got "http:\/\/\*\*\*@127.0.0.1:1\/api\/v2"/,
    );
    expect(bad.output()).not.toMatch(/pa55word|apiuser/);
  });

  it('gateway: a bad HOST stops it before anything starts, naming HOST', async () => {
    const bad = run(['dist/src/main.js'], { HOST: 'not a host!', SIMULATOR_PORT: '0' });
    const { code } = await exited(bad.child);
    expect(code).toBe(2);
    expect(bad.output()).toMatch(/^Configuration error: HOST must be an IP address .* got "not a host!"\n$/);
  });

  it('simulator: a bad --host exits 2 naming the flag', async () => {
    const bad = run(['dist/src/simulator/main.js', '--host', 'not_a_host']);
    const { code } = await exited(bad.child);
    expect(code).toBe(2);
    expect(bad.output()).toMatch(/^simulator: --host expects an IP address .* got "not_a_host"\n$/);
  });

  it('gateway: PORT in use → one line naming PORT, no stack, exit 1, the embedded simulator closed', async () => {
    const busy = await busyPort();
    try {
      const bad = run(['dist/src/main.js'], {
        PORT: String(busy.port),
        HOST: '127.0.0.1',
        SIMULATOR_PORT: '0',
        REDIS_URL,
        CACHE_PREFIX: `test-cli-${busy.port}`,
        LOG_LEVEL: 'warn',
      });
      const { code, afterErrorMs } = await exited(bad.child);
      expect(code).toBe(1);
      expect(bad.output()).toBe(
        `Cannot listen on HOST=127.0.0.1 PORT=${busy.port}: the port is already in use (choose another, or stop what is using it) (EADDRINUSE)\n`,
      );
      // Nothing left open (the simulator and Redis closed): it exits at once, not after the 10 s safety net.
      expect(afterErrorMs).toBeLessThan(3000);
    } finally {
      busy.server.close();
    }
  });

  it('gateway: SIMULATOR_PORT in use or an unresolvable HOST → one line naming it, exit 1', async () => {
    const busy = await busyPort();
    try {
      const simBusy = run(['dist/src/main.js'], { PORT: '0', SIMULATOR_PORT: String(busy.port) });
      expect((await exited(simBusy.child)).code).toBe(1);
      expect(simBusy.output()).toMatch(
        `Cannot listen on 127.0.0.1 SIMULATOR_PORT=${busy.port}: the port is already in use`,
      );
      expect(simBusy.output()).not.toMatch(NO_STACK);
    } finally {
      busy.server.close();
    }
    const unknown = run(['dist/src/main.js'], {
      PORT: '0',
      HOST: 'no-such-host.invalid',
      SIMULATOR_PORT: '0',
    });
    expect((await exited(unknown.child)).code).toBe(1);
    expect(unknown.output()).toMatch(
      /Cannot listen on HOST=no-such-host.invalid PORT=0: the host name does not resolve/,
    );
    expect(unknown.output()).not.toMatch(NO_STACK);
  });

  it('simulator: --port in use → one line naming the flags, no stack, exit 1', async () => {
    const busy = await busyPort();
    try {
      const bad = run(['dist/src/simulator/main.js', '--port', String(busy.port), '--host', '127.0.0.1']);
      expect((await exited(bad.child)).code).toBe(1);
      expect(bad.output()).toBe(
        `simulator: Cannot listen on --host=127.0.0.1 --port=${busy.port}: the port is already in use (choose another, or stop what is using it) (EADDRINUSE)\n`,
      );
    } finally {
      busy.server.close();
    }
  });
});
