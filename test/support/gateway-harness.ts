import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config/config.js';
import { startGateway, type Gateway } from '../../src/gateway.js';
import type { Logger } from '../../src/logging/logger.js';
import type { Tracing } from '../../src/observability/tracing.js';
import type { SimulatorOptions } from '../../src/simulator/options.js';
import { startTestSimulator, type SimulatorHandle } from './sim-client.js';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface Stack {
  sim: SimulatorHandle;
  gateway: Gateway;
  /** POSTs a GraphQL operation to the gateway over HTTP. */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphQLResponse<T>>;
  /** Upstream calls the simulator received since the last reset. */
  upstreamStats(): Promise<{ total: number; byRoute: Record<string, number> }>;
  resetUpstreamStats(): Promise<void>;
  close(): Promise<void>;
}

export interface GraphQLResponse<T> {
  status: number;
  /** `hit` when the gateway reused a whole cached response. */
  gatewayCache?: string | null;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/**
 * A real simulator and a real gateway (over HTTP, on free ports), with a key prefix of its own in
 * the shared Redis so parallel test files never see each other's entries. Upstream rate limits
 * are off unless a test turns them on.
 */
export async function startStack(
  options: {
    env?: Record<string, string>;
    sim?: Partial<SimulatorOptions>;
    redis?: boolean;
    /** Reuse a running simulator (e.g. a second gateway instance on the same upstream). */
    simulator?: SimulatorHandle;
    /** Where the gateway logs (default: nowhere). */
    logger?: Logger;
    /** Tracing instead of the configured one (e.g. an in-memory exporter). */
    tracing?: Tracing;
  } = {},
): Promise<Stack> {
  const sim = options.simulator ?? (await startTestSimulator(options.sim));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    ...(options.redis === false ? {} : { REDIS_URL }),
    CACHE_PREFIX: `test-${randomUUID().slice(0, 8)}`,
    UPSTREAM_RATE_LIMIT: '0',
    UPSTREAM_TIMEOUT_MS: '2000',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const gateway = await startGateway(config, sim.apiUrl, options.logger, { tracing: options.tracing });
  return {
    sim,
    gateway,
    async gql(query, variables, token = 'demo-owner') {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        gatewayCache: response.headers.get('x-gateway-cache'),
        ...((await response.json()) as object),
      };
    },
    async upstreamStats() {
      return (await fetch(`${sim.url}/__sim/stats`)).json() as Promise<{
        total: number;
        byRoute: Record<string, number>;
      }>;
    },
    async resetUpstreamStats() {
      await fetch(`${sim.url}/__sim/stats/reset`, { method: 'POST' });
    },
    async close() {
      await gateway.close();
      if (!options.simulator) await sim.close();
    },
  };
}

/**
 * Changes the simulator's faults or rate limit while it runs. `faultMethods` (`[]` = all) and
 * `faultPathPattern` (a regular expression on the path, `""` = all) scope the faults to some routes.
 */
export async function configureSimulator(
  sim: SimulatorHandle,
  changes: {
    failRate?: number;
    hangRate?: number;
    answerDelayMs?: number;
    latencyMs?: number;
    rateLimit?: number;
    faultMethods?: string[];
    faultPathPattern?: string;
  },
): Promise<void> {
  await fetch(`${sim.url}/__sim/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(changes),
  });
}

export const DASHBOARD_QUERY = /* GraphQL */ `
  query Dashboard($ws: Int!) {
    workspace(workspaceId: $ws) {
      id
      name
      members(first: 50) {
        totalCount
        nodes {
          id
          userId
          fullName
          role
          tracker {
            id
            isRunning
            contract {
              id
              contractId
            }
          }
          contracts {
            id
            contractId
            project {
              id
              projectId
              name
            }
          }
        }
      }
      projects(first: 20) {
        totalCount
        nodes {
          id
          projectId
          name
          tasks(first: 10) {
            totalCount
            nodes {
              id
              taskId
              title
            }
          }
        }
      }
    }
  }
`;

/**
 * An active contract of workspace 1 whose member is active and not tracking: a safe target for
 * start-tracking tests (each call after a start picks another one).
 */
export function idleContract(sim: SimulatorHandle) {
  const { state } = sim;
  const contract = [...state.contracts.values()].find(
    (c) =>
      c.workspaceId === 1 &&
      c.status === 'active' &&
      state.membership(1, c.userId)?.status === 'active' &&
      !state.trackers.has(`1:${c.userId}`),
  );
  if (!contract) throw new Error('no idle member with an active contract left in the seed');
  return contract;
}
