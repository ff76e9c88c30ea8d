import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deleteKeysUnder } from './redis.js';
import { forkChild, type Child } from './rpc.js';
import type { LiveEvent } from '../../src/live/live-event.js';
import type { GatewayProbe } from './gateway-child.js';
import type { SimulatorInfo, TokenCalls } from './simulator-child.js';

/** The shared Redis (the test suite's); scenarios use key prefixes of their own there. */
export const SHARED_REDIS_URL = process.env.RELIABILITY_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The compiled child entry points. From `dist/` (the runner) they are siblings; from the sources
 * (the jest test, through ts-jest) they are the build output of `npm run build`, which `npm test`
 * runs first.
 */
function compiled(file: string): string {
  const here = fileURLToPath(import.meta.url);
  const dir = here.endsWith('.js')
    ? dirname(here)
    : join(resolve(dirname(here), '../..'), 'dist/bench/reliability');
  const path = join(dir, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
  return path;
}

export type SimulatorChild = Child<SimulatorInfo> & SimulatorControl;
export type GatewayChild = Child<{ cache: string }> & {
  probe(reset?: boolean): Promise<GatewayProbe>;
  /** Publishes on the child's live bus; resolves the child's wall-clock time of the publish (ms). */
  publishLive(event: LiveEvent): Promise<number>;
};

export interface SimulatorControl {
  /** POST /__sim/config: faults (failRate, hangRate, faultMethods, faultPathPattern), latencyMs, rateLimit. */
  configure(changes: Record<string, unknown>): Promise<void>;
  /** GET /__sim/stats: calls per route since the last reset. */
  stats(): Promise<{ total: number; byRoute: Record<string, number> }>;
  resetStats(): Promise<void>;
  tokenCalls(reset?: boolean): Promise<Record<string, TokenCalls>>;
}

/** A fresh simulator process (seed 42, default sizes); rate limit off unless `rateLimit` is given. */
export async function startSimulatorChild(options: { rateLimit?: number; latencyMs?: number } = {}) {
  const child = await forkChild<SimulatorInfo>('simulator', compiled('simulator-child.js'), {
    NODE_ENV: 'production',
    RELIABILITY_SIM_RATE_LIMIT: String(options.rateLimit ?? 0),
    RELIABILITY_SIM_LATENCY_MS: String(options.latencyMs ?? 0),
  });
  const control: SimulatorControl = {
    async configure(changes) {
      const response = await fetch(`${child.url}/__sim/config`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(changes),
      });
      if (!response.ok)
        throw new Error(`/__sim/config answered ${response.status}: ${await response.text()}`);
    },
    async stats() {
      return (await (await fetch(`${child.url}/__sim/stats`)).json()) as {
        total: number;
        byRoute: Record<string, number>;
      };
    },
    async resetStats() {
      await fetch(`${child.url}/__sim/stats/reset`, { method: 'POST' });
    },
    tokenCalls: (reset = false) => child.call<Record<string, TokenCalls>>('tokenCalls', { reset }),
  };
  return Object.assign(child, control) as SimulatorChild;
}

/** A cache prefix nobody else uses, so the shared Redis is never flushed, only our keys deleted. */
export const uniquePrefix = (scenario: string) => `wwrel-${scenario}-${randomBytes(4).toString('hex')}`;

/**
 * A gateway process on a free port, pointed at `simulator`, configured from `env` over these
 * defaults: production mode, silent logs, the shared Redis with a prefix of its own, the gateway's
 * own rate budget off (scenarios that measure it turn it on).
 */
export async function startGatewayChild(
  name: string,
  simulator: { info: SimulatorInfo },
  env: Record<string, string> = {},
): Promise<GatewayChild> {
  const settings: Record<string, string> = {
    NODE_ENV: 'production',
    RELIABILITY_UPSTREAM_URL: simulator.info.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    REDIS_URL: SHARED_REDIS_URL,
    CACHE_PREFIX: uniquePrefix(name),
    UPSTREAM_RATE_LIMIT: '0',
    ...env,
  };
  const child = await forkChild<{ cache: string }>(name, compiled('gateway-child.js'), settings);
  const close = child.close.bind(child);
  return Object.assign(child, {
    probe: (reset = false) => child.call<GatewayProbe>('probe', { reset }),
    publishLive: (event: LiveEvent) => child.call<number>('publishLive', { event }),
    async close() {
      await close();
      if (settings.REDIS_URL === SHARED_REDIS_URL)
        await deleteKeysUnder(SHARED_REDIS_URL, settings.CACHE_PREFIX!);
    },
  }) as GatewayChild;
}

/** Closes every child given, ignoring ones already gone. */
export async function closeAll(...children: (Child | undefined)[]): Promise<void> {
  for (const child of children.reverse()) await child?.close().catch(() => undefined);
}
