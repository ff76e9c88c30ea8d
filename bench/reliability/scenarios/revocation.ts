import { setTimeout as sleep } from 'node:timers/promises';
import { errorCodes, gql, type Answer } from '../http-client.js';
import { closeAll, startGatewayChild, startSimulatorChild } from '../processes.js';
import { figure, goal, type Scenario } from '../scenario.js';
import { fmt } from '../stats.js';

const REFUSALS = ['FORBIDDEN', 'UNAUTHENTICATED'];

const listsOf = (answer: Answer) => {
  const ws = answer.json?.data?.workspace;
  return [ws?.members?.nodes, ws?.projects?.nodes, ws?.contracts?.nodes].filter((l) => Array.isArray(l));
};

/**
 * An Executive manager of workspace 1 (a role WebWork lets read trackers: REFERENCE §10.11, Owners
 * and Executive Managers only) reads lists (members, projects, contracts) and their own tracker
 * through the cached gateway every 200 ms; the owner archives them directly at the simulator
 * (`DELETE /members/{id}`, as WebWork's web app would). From then on WebWork answers them 403. The
 * figure is the time until the gateway stops serving them the lists (the workspace or every list
 * null, with FORBIDDEN or UNAUTHENTICATED); the goal is the first upstream 403, i.e. within the
 * shortest TTL of what they read (the tracker's) plus one polling interval.
 */
export const revocation: Scenario = {
  name: 'revocation',
  goals: ['time until refused'],
  async run({ quick }) {
    const trackerTtl = quick ? 2 : 10;
    const boundMs = quick ? 8_000 : 90_000;
    const sim = await startSimulatorChild();
    const gateway = await startGatewayChild('revocation', sim, {
      CACHE_TTL_TRACKER_SECONDS: String(trackerTtl),
    });
    try {
      const demoManager = await sim.call<number>('tokenUser', { token: 'demo-manager' });
      const member = await sim.call<{ userId: number; token: string }>('memberWithRole', {
        workspaceId: 1,
        role: 'Executive manager',
        exclude: [demoManager],
      });
      const query = `{ workspace(workspaceId: 1) { id members(first: 100) { nodes { id } } projects(first: 20) { nodes { id } } contracts(first: 100) { nodes { id } } member(userId: ${member.userId}) { id tracker { isRunning } } } }`;
      for (let i = 0; i < 5; i++) {
        const warm = await gql(gateway.url, { query }, member.token);
        if (listsOf(warm).length !== 3)
          throw new Error(`the member cannot read the lists before revocation: ${warm.text.slice(0, 300)}`);
        await sleep(200);
      }
      const archived = await fetch(`${sim.info.apiUrl}/members/${member.userId}?workspace_id=1`, {
        method: 'DELETE',
        headers: { authorization: 'Bearer demo-owner' },
      });
      if (!archived.ok) throw new Error(`archiving at the simulator answered ${archived.status}`);
      const revokedAt = performance.now();
      let firstRefusalMs: number | undefined;
      let refusedMs: number | undefined;
      let servedAfterRefusal = 0;
      let polls = 0;
      while (performance.now() - revokedAt < boundMs) {
        const answer = await gql(gateway.url, { query }, member.token);
        polls += 1;
        const at = performance.now() - revokedAt;
        const refusedSomewhere = errorCodes(answer).some((c) => REFUSALS.includes(c));
        if (refusedSomewhere) firstRefusalMs ??= at;
        const lists = listsOf(answer);
        if (lists.length === 0 && (refusedSomewhere || answer.json?.data?.workspace === null)) {
          refusedMs = at;
          break;
        }
        if (firstRefusalMs !== undefined) servedAfterRefusal += 1;
        await sleep(200);
      }
      const goalMs = trackerTtl * 1000 + 1000;
      return {
        setup: `demo-user-${member.userId} (Executive manager of workspace 1) polls members, projects, contracts and their own tracker every 200 ms through the cached gateway (TTLs: lists 60 s, workspaces 300 s, tracker ${trackerTtl} s); the owner archives them at the simulator; bounded to ${boundMs / 1000} s.`,
        figures: [
          figure('polls after the archive', polls),
          figure(
            'first FORBIDDEN/UNAUTHENTICATED anywhere in an answer, s',
            firstRefusalMs === undefined ? 'never' : fmt(firstRefusalMs / 1000, 1),
          ),
          figure(
            'lists refused after, s',
            refusedMs === undefined ? `not within ${boundMs / 1000} s` : fmt(refusedMs / 1000, 1),
          ),
          figure('answers still serving lists after the first refusal', servedAfterRefusal),
        ],
        goals: [
          goal(
            'time until refused',
            `≤ ${goalMs / 1000} s (tracker TTL ${trackerTtl} s + one poll)`,
            refusedMs === undefined ? `> ${boundMs / 1000} s` : `${fmt(refusedMs / 1000, 1)} s`,
            refusedMs !== undefined && refusedMs <= goalMs,
          ),
        ],
      };
    } finally {
      await closeAll(sim, gateway);
    }
  },
};
