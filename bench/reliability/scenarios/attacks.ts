import { setTimeout as sleep } from 'node:timers/promises';
import { errorCodes, gql } from '../http-client.js';
import { closeAll, startGatewayChild, startSimulatorChild } from '../processes.js';
import { figure, goal, type Figure, type Scenario } from '../scenario.js';
import { fmt, mb } from '../stats.js';

const repeat = (text: string, times: number) => Array.from({ length: times }, () => text).join('');

/** Selection sets nested `levels` deep through Member.contracts → Contract.member → … */
const contractsMembers = (levels: number) =>
  `${repeat('contracts { member { ', levels / 2)}id${repeat(' } }', levels / 2)}`;

/** The attack documents, by name. */
export function attackDocuments(bombs: number): { name: string; query: string }[] {
  const documents = [
    {
      name: 'deep nesting, 5000 levels',
      query: `{ workspace(workspaceId: 1) { member(userId: 102) { ${contractsMembers(5000)} } } }`,
    },
    {
      name: 'cyclic contracts/member, 28 levels',
      query: `{ workspace(workspaceId: 1) { members(first: 50) { nodes { ${contractsMembers(28)} } } } }`,
    },
    {
      name: '2000 aliases',
      query: `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: workspace(workspaceId: 1) { members(first: 100) { nodes { id } } }`).join(' ')} }`,
    },
  ];
  for (let k = 0; k < bombs; k++) {
    documents.push({
      name: `introspection bomb ${k + 1}, ofType 1000 deep`,
      query: `query Bomb${k} { t${k}: __schema { types { name fields { name type { ${repeat('kind name ofType { ', 1000)}name${repeat(' }', 1000)} } } } }`,
    });
  }
  return documents;
}

/**
 * Attack documents against one gateway process (defaults, cache on): for each, the answer (status,
 * first error code), the time, and the gateway's RSS before and after, read from /proc (it works
 * even while the gateway's event loop is busy). Goal: memory stays bounded, nothing crashes, no 5xx.
 */
export const attacks: Scenario = {
  name: 'attacks',
  goals: ['RSS growth after the attacks', 'peak RSS growth', 'crashes or 5xx'],
  async run({ quick }) {
    const timeoutMs = quick ? 8_000 : 30_000;
    const bombs = quick ? 3 : 15;
    const sim = await startSimulatorChild();
    const gateway = await startGatewayChild('attacks', sim);
    try {
      // A warm, ordinary request first, so the baseline includes the gateway's normal working set.
      await gql(
        gateway.url,
        { query: '{ workspace(workspaceId: 1) { members(first: 50) { nodes { id contracts { id } } } } }' },
        'demo-owner',
      );
      await sleep(500);
      const baseline = gateway.memory()!;
      const figures: Figure[] = [];
      let bad = 0;
      let sizes = 0;
      for (const document of attackDocuments(bombs)) {
        const before = gateway.memory();
        const answer = await gql(gateway.url, { query: document.query }, 'demo-owner', timeoutMs);
        const after = gateway.memory();
        sizes = Math.max(sizes, document.query.length);
        if (answer.status >= 500 || !gateway.alive()) bad += 1;
        const code =
          answer.status === 0 ? `no answer (${answer.failure})` : (errorCodes(answer)[0] ?? 'no error');
        figures.push(
          figure(
            document.name,
            `${answer.status} ${code}, ${fmt(answer.ms)} ms, ${(document.query.length / 1024).toFixed(0)} kB, RSS ${before ? fmt(mb(before.rssBytes)) : '?'} → ${after ? fmt(mb(after.rssBytes)) : 'gone'} MB`,
          ),
        );
        if (!gateway.alive()) break;
      }
      await sleep(2000);
      const end = gateway.memory();
      const growth = end ? mb(end.rssBytes - baseline.rssBytes) : Infinity;
      const peakGrowth = end ? mb(end.peakRssBytes - baseline.rssBytes) : Infinity;
      if (!gateway.alive()) bad += 1;
      figures.push(
        figure(
          'RSS before / 2 s after all attacks, MB',
          `${fmt(mb(baseline.rssBytes))} / ${end ? fmt(mb(end.rssBytes)) : 'gone'}`,
        ),
        figure('peak RSS (VmHWM), MB', end ? fmt(mb(end.peakRssBytes)) : 'gone'),
      );
      return {
        setup: `${3 + bombs} attack documents (deep nesting 5000, cyclic contracts/member 28 levels under 50 members, 2000 aliases, ${bombs} distinct introspection bombs of ~${(sizes / 1024).toFixed(0)} kB) sent one at a time as demo-owner to a gateway with default settings; client timeout ${timeoutMs / 1000} s; RSS from /proc/<pid>/status.`,
        figures,
        goals: [
          goal('RSS growth after the attacks', '≤ 50 MB', `${fmt(growth)} MB`, growth <= 50),
          goal('peak RSS growth', '≤ 200 MB', `${fmt(peakGrowth)} MB`, peakGrowth <= 200),
          goal('crashes or 5xx', '= 0', bad, bad === 0),
        ],
      };
    } finally {
      await closeAll(sim, gateway);
    }
  },
};
