import type { IncomingMessage } from 'node:http';
import { buildSimulator, API_PREFIX } from '../../src/simulator/server.js';
import { ADMIN_ROLES } from '../../src/simulator/state/model.js';
import { memberKey } from '../../src/simulator/state/store.js';
import { isEntryPoint } from '../child-ipc.js';
import { failStartup, serveRpc } from './rpc.js';

/** Upstream calls one token made since the last reset. */
export interface TokenCalls {
  total: number;
  /** `POST /time-tracking/start` → n: writes only (the routes a duplicate would show on). */
  writes: Record<string, number>;
  /** Calls per whole second since the reset (index 0 = the first second). */
  perSecond: number[];
}

export interface SimulatorInfo {
  apiUrl: string;
}

/**
 * The WebWork simulator under test in its own process, with what the reliability scenarios need
 * to check at the source, over IPC (not HTTP, so faults and the rate limit never touch it):
 * every API call counted per token (including the ones answered 429, 500 or left hanging: counted
 * as the request arrives, before the simulator's own hooks), and reads of the live state
 * (trackers, time entries, memberships).
 *
 * Environment: RELIABILITY_SIM_RATE_LIMIT (per token per minute, default 0 = off),
 * RELIABILITY_SIM_LATENCY_MS (default 0).
 */
async function main() {
  const { app, ctx } = buildSimulator({
    rateLimit: Number(process.env.RELIABILITY_SIM_RATE_LIMIT ?? 0),
    latencyMs: Number(process.env.RELIABILITY_SIM_LATENCY_MS ?? 0),
  });
  let since = Date.now();
  let calls = new Map<string, TokenCalls>();
  app.server.prependListener('request', (request: IncomingMessage) => {
    const url = request.url ?? '';
    if (!url.startsWith(`${API_PREFIX}/`)) return;
    const token = /^Bearer\s+(\S+)/i.exec(request.headers.authorization ?? '')?.[1] ?? '(none)';
    const entry = calls.get(token) ?? { total: 0, writes: {}, perSecond: [] };
    calls.set(token, entry);
    entry.total += 1;
    const second = Math.floor((Date.now() - since) / 1000);
    while (entry.perSecond.length <= second) entry.perSecond.push(0);
    entry.perSecond[second]! += 1;
    if (request.method !== 'GET') {
      const route = `${request.method} ${url.slice(API_PREFIX.length).split('?')[0]}`;
      entry.writes[route] = (entry.writes[route] ?? 0) + 1;
    }
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  const state = () => ctx.state;
  serveRpc(
    url,
    { apiUrl: `${url}${API_PREFIX}` } satisfies SimulatorInfo,
    {
      tokenCalls: (args: { reset?: boolean }) => {
        const snapshot = Object.fromEntries(calls);
        if (args?.reset) {
          calls = new Map();
          since = Date.now();
        }
        return snapshot;
      },
      trackerRunning: (args: { workspaceId: number; userId: number }) =>
        state().trackers.has(memberKey(args.workspaceId, args.userId)),
      timeEntries: (args: { workspaceId: number; userId: number }) =>
        [...state().timeEntries.values()].filter(
          (e) => e.workspaceId === args.workspaceId && e.userId === args.userId,
        ).length,
      /** Active non-admin members with an active contract and no running tracker: safe write targets. */
      trackingTargets: (args: { workspaceId: number; count: number }) => {
        const s = state();
        const targets: { userId: number; contractId: number; token: string }[] = [];
        const seen = new Set<number>();
        for (const contract of s.contracts.values()) {
          const membership = s.membership(args.workspaceId, contract.userId);
          if (
            contract.workspaceId !== args.workspaceId ||
            contract.status !== 'active' ||
            seen.has(contract.userId) ||
            !membership ||
            membership.status !== 'active' ||
            ADMIN_ROLES.includes(membership.role) ||
            s.trackers.has(memberKey(args.workspaceId, contract.userId))
          ) {
            continue;
          }
          seen.add(contract.userId);
          targets.push({ userId: contract.userId, contractId: contract.id, token: tokenOf(contract.userId) });
          if (targets.length >= args.count) break;
        }
        return targets;
      },
      /** An active member of the workspace with this role (none of `exclude`), for the revocation scenario. */
      memberWithRole: (args: { workspaceId: number; role: string; exclude?: number[] }) => {
        const s = state();
        const member = s
          .membersOf(args.workspaceId)
          .find(
            (m) => m.role === args.role && m.status === 'active' && !(args.exclude ?? []).includes(m.userId),
          );
        return member ? { userId: member.userId, token: tokenOf(member.userId) } : undefined;
      },
      ownerOf: (args: { workspaceId: number }) => state().workspaces.get(args.workspaceId)?.ownerId,
      memberStatus: (args: { workspaceId: number; userId: number }) =>
        state().membership(args.workspaceId, args.userId)?.status,
      tokenUser: (args: { token: string }) => state().tokens.get(args.token),
    },
    () => app.close(),
  );
}

const tokenOf = (userId: number) => `demo-user-${userId}`;

if (isEntryPoint(import.meta.url)) main().catch(failStartup);
