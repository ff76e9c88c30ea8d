import { gql, type Answer } from '../http-client.js';
import { closeAll, startGatewayChild, startSimulatorChild } from '../processes.js';
import { Prng } from '../prng.js';
import { DEMO_CALLERS } from '../queries.js';
import { figure, goal, type Scenario } from '../scenario.js';

/** Queries whose answers differ by caller (roles see different members, rates, workspaces). */
function queryPool(): string[] {
  const users = [101, 102, 103, 105, 110, 120, 140, 149, 201, 205];
  const pool = [
    '{ workspaces { workspaceId name viewerRole viewerUserId viewerStatus } }',
    '{ workspace(workspaceId: 2) { name members(first: 100) { totalCount nodes { userId email rate role } } } }',
    '{ workspace(workspaceId: 1) { members(first: 100) { totalCount nodes { userId email rate role status } } } }',
    '{ workspace(workspaceId: 1) { projects(first: 20) { totalCount nodes { projectId name rate contracts { contractId userId rate } } } } }',
    '{ workspace(workspaceId: 1) { contracts(first: 100) { totalCount nodes { contractId userId rate status } } } }',
    '{ workspace(workspaceId: 1) { members(first: 10) { nodes { userId tracker { isRunning } } } } }',
    '{ workspace(workspaceId: 1) { project(projectId: 1003) { name tasks(first: 5) { nodes { taskId title assignees { userId member { email rate } } } } } } }',
  ];
  for (const id of users) {
    pool.push(
      `{ workspace(workspaceId: 1) { member(userId: ${id}) { userId email rate contracts { contractId rate } } } }`,
    );
  }
  return pool;
}

/** Answers compared without the clock: seconds and minutes tracked today move on. */
const normalise = (answer: Answer) =>
  JSON.stringify(answer.json ?? answer.text, (key, value: unknown) =>
    key === 'todaySeconds' || key === 'todayMinutes' ? '<time>' : value,
  );

/** Every leaf value of a JSON answer, as `key=value` strings. */
function leaves(value: unknown, key = '', out = new Set<string>()): Set<string> {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, Array.isArray(value) ? key : k, out);
  } else if (value !== null && value !== undefined) out.add(`${key}=${String(value)}`);
  return out;
}

/**
 * Four callers of two workspaces (demo-owner, demo-member, demo-manager, demo-owner-2) send random
 * queries, interleaved, to the cached gateway (warmed first by every caller); each answer is
 * compared with the answer of a cold gateway (CACHE_ENABLED=false) for the same caller and query.
 * A leak is a difference where the cached answer holds values that are not in the caller's own
 * cold answer but are in another caller's (data of another caller's view).
 */
export const isolation: Scenario = {
  name: 'isolation',
  goals: ['leaks'],
  async run({ quick, seed }) {
    const comparisons = quick ? 60 : 1000;
    const random = new Prng(seed).fork(7);
    const sim = await startSimulatorChild();
    const cached = await startGatewayChild('isolation-cached', sim);
    const cold = await startGatewayChild('isolation-cold', sim, { CACHE_ENABLED: 'false' });
    try {
      const queries = queryPool();
      const coldAnswers = new Map<string, Answer>();
      const coldAnswer = async (token: string, query: string) => {
        const key = `${token}\n${query}`;
        if (!coldAnswers.has(key)) coldAnswers.set(key, await gql(cold.url, { query }, token));
        return coldAnswers.get(key)!;
      };
      // Warm: every caller, every query, interleaved.
      for (const query of queries) {
        await Promise.all(DEMO_CALLERS.map((c) => gql(cached.url, { query }, c.token)));
      }
      let mismatches = 0;
      let leaks = 0;
      const leakExamples: string[] = [];
      for (let i = 0; i < comparisons; i++) {
        const caller = random.pick(DEMO_CALLERS);
        const query = random.pick(queries);
        const warm = await gql(cached.url, { query }, caller.token);
        const own = await gql(cold.url, { query }, caller.token);
        if (normalise(warm) === normalise(own)) continue;
        mismatches += 1;
        const ownLeaves = leaves(own.json);
        const foreign = [...leaves(warm.json)].filter((leaf) => !ownLeaves.has(leaf));
        for (const other of DEMO_CALLERS.filter((c) => c.token !== caller.token)) {
          const theirs = leaves((await coldAnswer(other.token, query)).json);
          const leaked = foreign.filter((leaf) => theirs.has(leaf));
          if (leaked.length) {
            leaks += 1;
            if (leakExamples.length < 3) {
              leakExamples.push(
                `${caller.token} got ${leaked.slice(0, 3).join(', ')} of ${other.token}'s view`,
              );
            }
            break;
          }
        }
      }
      return {
        setup: `${comparisons} random queries from a pool of ${queries.length} (members, rates, contracts, trackers, other workspace) by demo-owner, demo-member, demo-manager, demo-owner-2, interleaved, on a warm cached gateway, each compared with a cold gateway (CACHE_ENABLED=false) for the same caller.`,
        figures: [
          figure('comparisons', comparisons),
          figure('answers that differ from the cold answer', mismatches),
          figure("leaks (another caller's data in the answer)", leaks),
          ...(leakExamples.length ? [figure('first leaks', leakExamples.join('; '))] : []),
        ],
        goals: [goal('leaks', '= 0', leaks, leaks === 0)],
      };
    } finally {
      await closeAll(sim, cached, cold);
    }
  },
};
