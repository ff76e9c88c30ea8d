import type { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { callerScope } from '../../src/cache/keys.js';
import { startGateway } from '../../src/gateway.js';
import type { SimulatorHandle } from '../../src/simulator/server.js';
import { DASHBOARD_QUERY, DASHBOARD_TOKEN } from '../dashboard-query.js';
import { benchConfig, schedulerInstance } from './live-stack.js';
import { BenchSnapshotStore } from './snapshot-store.js';

export interface ColdBoardResult {
  /**
   * `gateway`: the gateway answers unknown trackers as pending and schedules them itself (its schema
   * has `TrackerState.pendingSince`); the bench re-asks every 5 s and reads the answers.
   * `bench-driven scheduler`: the gateway answers them RATE_LIMITED, and the bench hands each to a
   * scheduler sharing the gateway's Redis budget (`want`, as the tracker resolver does once it can).
   */
  mode: 'gateway' | 'bench-driven scheduler';
  members: number;
  knownInFirstAnswer: number;
  /** From sending the first query until every tracker on the board is known; null if not within 180 s. */
  secondsUntilAllKnown: number | null;
  responses: number;
  /** Errors over every response, by `extensions.code` and whether they were on a tracker field. */
  errors: Record<string, number>;
}

interface Answer {
  data?: {
    workspace?: { members?: { nodes: { userId: number; tracker: { isRunning: boolean | null } | null }[] } };
  };
  errors?: { path?: (string | number)[]; extensions?: { code?: string } }[];
}

const DEADLINE_MS = 180_000;

/** The README dashboard, cold, under the default 60/min budget: how long until its board is complete. */
export async function coldBoard(
  sim: SimulatorHandle,
  redis: Redis,
  redisUrl: string,
): Promise<ColdBoardResult> {
  const config = benchConfig(redisUrl, `bench-live-${Date.now()}`);
  const gateway = await startGateway(config, sim.apiUrl);
  const ask = async (query: string, variables: Record<string, unknown> = {}): Promise<Answer> => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DASHBOARD_TOKEN}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Answer;
  };
  const probe = (await ask('{ __type(name: "TrackerState") { fields { name } } }')) as {
    data?: { __type?: { fields: { name: string }[] } };
  };
  const gatewaySchedules = probe.data?.__type?.fields.some((f) => f.name === 'pendingSince') ?? false;
  const store = new BenchSnapshotStore();
  const scheduler = gatewaySchedules ? undefined : schedulerInstance(config, sim.apiUrl, redis, store);
  const caller = { token: DASHBOARD_TOKEN, scope: callerScope(DASHBOARD_TOKEN, config.cache.keySecret) };
  const errors: Record<string, number> = {};
  let responses = 0;

  const started = Date.now();
  const known = new Set<number>();
  const read = (answer: Answer) => {
    responses++;
    for (const error of answer.errors ?? []) {
      const where = error.path?.at(-1) === 'tracker' ? 'tracker' : 'other';
      const key = `${error.extensions?.code ?? 'UNKNOWN'} (${where})`;
      errors[key] = (errors[key] ?? 0) + 1;
    }
    const nodes = answer.data?.workspace?.members?.nodes ?? [];
    for (const node of nodes) {
      // A null tracker without an error is an archived member, who cannot track: known.
      const failed = (answer.errors ?? []).some((e) => e.path?.[3] === nodes.indexOf(node));
      if ((node.tracker === null && !failed) || (node.tracker && node.tracker.isRunning !== null))
        known.add(node.userId);
    }
    return nodes;
  };
  const first = await ask(DASHBOARD_QUERY, { ws: 1 });
  const nodes = read(first);
  const knownInFirstAnswer = known.size;
  for (const error of first.errors ?? []) {
    const index = error.path?.[3];
    if (
      scheduler &&
      error.extensions?.code === 'RATE_LIMITED' &&
      error.path?.at(-1) === 'tracker' &&
      typeof index === 'number'
    ) {
      scheduler.want(caller, 1, nodes[index]!.userId);
    }
  }
  let doneAt: number | undefined;
  while (Date.now() - started < DEADLINE_MS) {
    if (scheduler) for (const key of store.firstKnownAt.keys()) known.add(Number(key.split(':')[1]));
    if (nodes.every((node) => known.has(node.userId))) {
      doneAt = Math.max(...nodes.map((n) => store.firstKnownAt.get(`1:${n.userId}`) ?? started));
      break;
    }
    await sleep(scheduler ? 250 : 5000);
    if (!scheduler) {
      read(await ask(DASHBOARD_QUERY, { ws: 1 }));
      if (nodes.every((node) => known.has(node.userId))) {
        doneAt = Date.now();
        break;
      }
    }
  }
  await scheduler?.close();
  await gateway.close();
  return {
    mode: gatewaySchedules ? 'gateway' : 'bench-driven scheduler',
    members: nodes.length,
    knownInFirstAnswer,
    secondsUntilAllKnown: doneAt === undefined ? null : Math.round((doneAt - started) / 100) / 10,
    responses,
    errors,
  };
}
