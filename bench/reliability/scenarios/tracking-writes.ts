import { pool } from '../closed-loop.js';
import { gql } from '../http-client.js';
import { closeAll, startGatewayChild, startSimulatorChild } from '../processes.js';
import { figure, goal, type Scenario } from '../scenario.js';

const WORKSPACE = 1;
const START = 'mutation($input: StartTrackingInput!) { startTracking(input: $input) { id isRunning } }';
const STOP = 'mutation($input: StopTrackingInput!) { stopTracking(input: $input) { id isRunning } }';

/**
 * Non-idempotent writes under faults: the simulator fails 20% of all requests (reads and writes)
 * with a 500. Six members each start and stop their own tracker in turn through the gateway; after
 * every mutation the simulator's state is read over IPC (not through the faulty API) to see whether
 * the write was applied. A duplicate is a write the upstream received more often than the gateway
 * was asked for it (counted per token at the simulator), or a stop that made two time entries; a
 * misreported write was applied but answered as an error, or answered as a success but not applied.
 */
export const trackingWrites: Scenario = {
  name: 'tracking-writes',
  goals: ['duplicate writes', 'misreported writes'],
  async run({ quick }) {
    const operations = quick ? 80 : 300;
    const workers = 6;
    const sim = await startSimulatorChild();
    const gateway = await startGatewayChild('tracking-writes', sim, { UPSTREAM_TIMEOUT_MS: '2000' });
    try {
      const targets = await sim.call<{ userId: number; contractId: number; token: string }[]>(
        'trackingTargets',
        {
          workspaceId: WORKSPACE,
          count: workers,
        },
      );
      if (targets.length < workers)
        throw new Error(`only ${targets.length} idle members with a contract in the seed`);
      await sim.configure({ failRate: 0.2, faultMethods: [], faultPathPattern: '' });
      await sim.tokenCalls(true);
      const sent = new Map<string, { start: number; stop: number }>();
      let success = 0;
      let errorAnswers = 0;
      let applied = 0;
      let appliedButError = 0;
      let successNotApplied = 0;
      let doubleEntries = 0;
      const perWorker = Math.ceil(operations / workers);
      await pool(workers, workers, async (w) => {
        const target = targets[w]!;
        const counts = { start: 0, stop: 0 };
        sent.set(target.token, counts);
        const where = { workspaceId: WORKSPACE, userId: target.userId };
        for (let i = 0; i < perWorker; i++) {
          const running = await sim.call<boolean>('trackerRunning', where);
          const entriesBefore = await sim.call<number>('timeEntries', where);
          const op = running ? 'stop' : 'start';
          counts[op] += 1;
          const answer = await gql(
            gateway.url,
            {
              query: op === 'start' ? START : STOP,
              variables: { input: op === 'start' ? { ...where, contractId: target.contractId } : where },
            },
            target.token,
            15_000,
          );
          const payload = answer.json?.data?.[op === 'start' ? 'startTracking' : 'stopTracking'];
          const answeredSuccess = answer.status === 200 && payload != null;
          const runningAfter = await sim.call<boolean>('trackerRunning', where);
          const entriesAfter = await sim.call<number>('timeEntries', where);
          const wasApplied = op === 'start' ? !running && runningAfter : running && !runningAfter;
          if (entriesAfter - entriesBefore > 1) doubleEntries += 1;
          if (answeredSuccess) success += 1;
          else errorAnswers += 1;
          if (wasApplied) applied += 1;
          if (wasApplied && !answeredSuccess) appliedButError += 1;
          if (answeredSuccess && !wasApplied) successNotApplied += 1;
        }
      });
      const calls = await sim.tokenCalls();
      let extraWrites = 0;
      for (const [token, counts] of sent) {
        const writes = calls[token]?.writes ?? {};
        extraWrites += Math.max(0, (writes['POST /time-tracking/start'] ?? 0) - counts.start);
        extraWrites += Math.max(0, (writes['POST /time-tracking/stop'] ?? 0) - counts.stop);
      }
      const total = workers * perWorker;
      const duplicates = extraWrites + doubleEntries;
      const misreported = appliedButError + successNotApplied;
      return {
        setup: `${total} start/stop mutations by ${workers} members (each on their own tracker, sequentially), simulator failRate 0.2 on every method; cache on; the outcome of each write checked in the simulator's state over IPC.`,
        figures: [
          figure('mutations sent', total),
          figure('answered success / error', `${success} / ${errorAnswers}`),
          figure('applied upstream', applied),
          figure('writes the upstream received more often than asked', extraWrites),
          figure('stops that made more than one time entry', doubleEntries),
          figure('applied but answered as an error', appliedButError),
          figure('answered success but not applied', successNotApplied),
        ],
        goals: [
          goal('duplicate writes', '= 0', duplicates, duplicates === 0),
          goal('misreported writes', '= 0', misreported, misreported === 0),
        ],
      };
    } finally {
      await closeAll(sim, gateway);
    }
  },
};
