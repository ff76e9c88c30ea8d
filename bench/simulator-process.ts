import { startSimulator } from '../src/simulator/server.js';
import { BENCH_WORKSPACE_ID } from './dashboard-query.js';
import { failStartup, isEntryPoint, serveUsage } from './child-ipc.js';

/** What the call-count formula needs to know about workspace 1 (the bench's workspace). */
export interface SimulatorInfo {
  apiUrl: string;
  latencyMs: number;
  members: number;
  /** Archived members: WebWork answers 404 for their tracker, so the gateway does not ask. */
  leftMembers: number;
  contracts: number;
  projects: number;
}

/**
 * The WebWork simulator in its own process (forked by `run.ts`), so its CPU is not counted as the
 * gateway's: 50 ms injected latency per call, rate limit off, default seed and sizes.
 */
async function main() {
  const latencyMs = Number(process.env.BENCH_SIM_LATENCY_MS ?? 50);
  const simulator = await startSimulator({ port: 0, host: '127.0.0.1', latencyMs, rateLimit: 0 });
  const { state } = simulator;
  const members = state.membersOf(BENCH_WORKSPACE_ID);
  const info: SimulatorInfo = {
    apiUrl: simulator.apiUrl,
    latencyMs,
    members: members.length,
    leftMembers: members.filter((m) => m.status === 'left').length,
    contracts: state.contractsOf(BENCH_WORKSPACE_ID).length,
    projects: state.projectsOf(BENCH_WORKSPACE_ID).length,
  };
  serveUsage(simulator.url, info, () => simulator.close());
}

if (isEntryPoint(import.meta.url)) main().catch(failStartup);
