import {
  aliasBomb,
  cyclicContracts,
  deepNesting,
  directiveBomb,
  distinctDeepIntrospections,
  introspectionBomb,
} from '../test/support/attack-documents.js';
import { forkServer, type ForkedServer } from './child-ipc.js';
import type { SimulatorInfo } from './simulator-process.js';

/**
 * `npm run build && node dist/bench/attack-rss.js`: a gateway in its own process (in-memory
 * cache, default limits unless the environment sets them) under the attack documents of
 * test/support/attack-documents.ts, one kind after another; prints per kind the answers, the time
 * and the gateway's peak RSS so far (VmHWM, read from /proc, so also while the gateway is too busy
 * to answer). Each request gives up after ATTACK_TIMEOUT_MS (default 30 s).
 */
const here = (file: string) => new URL(file, import.meta.url);
const timeoutMs = Number(process.env.ATTACK_TIMEOUT_MS ?? 30_000);

const attacks: [string, string[]][] = [
  ['15 distinct deep introspections (1000 levels)', distinctDeepIntrospections(15, 1000)],
  ['introspection bomb 21 kB', [introspectionBomb(21_000)]],
  ['deep nesting 5000 levels', [deepNesting(5000)]],
  ['2000 aliases x 3', [0, 1, 2].map((i) => aliasBomb(2000, `workspaces { name${i ? ` ownerId` : ''} }`))],
  ['1000 directives', [directiveBomb(1000)]],
  // Last: without limits it may keep the gateway busy past the timeout.
  ['cyclic contracts/member 28 levels', [cyclicContracts(28)]],
];

async function post(url: string, query: string): Promise<string> {
  const started = Date.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-owner' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? (text.includes('"errors"') ? 'error' : 'data');
    const stack = /Maximum call stack/.test(text) ? ' (Maximum call stack size exceeded)' : '';
    return `${response.status} ${code}${stack} ${Date.now() - started} ms`;
  } catch (error) {
    return `no answer after ${Date.now() - started} ms (${(error as Error).name})`;
  }
}

async function main(): Promise<void> {
  const servers: ForkedServer[] = [];
  try {
    const sim = await forkServer<SimulatorInfo>('simulator', here('simulator-process.js'), {
      NODE_ENV: 'production',
      BENCH_SIM_LATENCY_MS: '0',
    });
    servers.push(sim);
    const gateway = await forkServer('gateway', here('gateway-process.js'), {
      NODE_ENV: 'production',
      BENCH_UPSTREAM_URL: sim.info.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      UPSTREAM_RATE_LIMIT: '0',
      REDIS_URL: '',
    });
    servers.push(gateway);
    await post(gateway.url, '{ workspaces { name } }');
    const mb = (bytes: number | undefined) => (bytes === undefined ? '?' : (bytes / 1_048_576).toFixed(0));
    console.log(`gateway peak RSS at rest: ${mb(gateway.lifetimePeakRssBytes())} MB`);
    for (const [name, documents] of attacks) {
      const answers: string[] = [];
      for (const document of documents) answers.push(await post(gateway.url, document));
      const peakRssBytes = gateway.lifetimePeakRssBytes();
      const summary = [...new Set(answers.map((a) => a.replace(/ \d+ ms$/, '')))].join('; ');
      const slowest = Math.max(...answers.map((a) => Number(/(\d+) ms/.exec(a)?.[1] ?? 0)));
      console.log(`${name}: peak RSS so far ${mb(peakRssBytes)} MB; ${summary}; slowest ${slowest} ms`);
    }
  } finally {
    for (const server of servers.reverse()) await server.close().catch(() => undefined);
  }
}

await main();
