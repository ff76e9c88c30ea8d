import { setTimeout as sleep } from 'node:timers/promises';
import { errorCodes, gql, probeHttp } from '../http-client.js';
import { closeAll, startGatewayChild, startSimulatorChild, type GatewayChild } from '../processes.js';
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
      query: `query Bomb${k} { t${k}: __schema { types { name fields { name type { ${repeat('kind name ofType { ', 1000)}name${repeat(' }', 1000)} } } } } }`,
    });
  }
  return documents;
}

/** Polls /health until it answers (true) or `ms` pass (false). */
async function responsiveWithin(gateway: GatewayChild, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && gateway.alive()) {
    if ((await probeHttp(`${gateway.url}/health`, 1000)).status === 200) return true;
    await sleep(200);
  }
  return false;
}

const WARM_QUERY = '{ workspace(workspaceId: 1) { members(first: 50) { nodes { id contracts { id } } } } }';

/**
 * Attack documents against a gateway process (defaults, cache on), one at a time: for each, the
 * answer (status, first error code), the time, and the gateway's RSS before and after, read from
 * /proc (it works even while the gateway's event loop is busy). A gateway still busy `settle`
 * seconds after an attack is counted as hung and replaced by a fresh one, so each attack is
 * measured on its own. Goal: memory stays bounded, nothing crashes, hangs or answers 5xx.
 */
export const attacks: Scenario = {
  name: 'attacks',
  goals: ['largest RSS growth of one attack', 'peak RSS growth', 'crashes, 5xx or hung'],
  async run({ quick }) {
    const timeoutMs = quick ? 3_000 : 5_000;
    const settleMs = quick ? 1_500 : 3_000;
    const bombs = quick ? 1 : 15;
    const sim = await startSimulatorChild();
    const start = async () => {
      const started = await startGatewayChild('attacks', sim);
      // A warm, ordinary request first, so the baseline includes the gateway's normal working set.
      await gql(started.url, { query: WARM_QUERY }, 'demo-owner');
      await sleep(300);
      return { gateway: started, baseline: started.memory()! };
    };
    let { gateway, baseline } = await start();
    try {
      const firstBaseline = baseline;
      const figures: Figure[] = [];
      let bad = 0;
      let hung = 0;
      let largestGrowth = 0;
      let peakGrowth = 0;
      let size = 0;
      for (const document of attackDocuments(bombs)) {
        const before = gateway.memory()!;
        const answer = await gql(gateway.url, { query: document.query }, 'demo-owner', timeoutMs);
        const after = gateway.memory();
        size = Math.max(size, document.query.length);
        const growth = after ? mb(after.rssBytes - before.rssBytes) : Infinity;
        largestGrowth = Math.max(largestGrowth, growth);
        const responsive = gateway.alive() && (await responsiveWithin(gateway, settleMs));
        const settled = gateway.memory();
        if (settled) peakGrowth = Math.max(peakGrowth, mb(settled.peakRssBytes - baseline.rssBytes));
        if (answer.status >= 500 || !gateway.alive()) bad += 1;
        if (gateway.alive() && !responsive) hung += 1;
        const code =
          answer.status === 0 ? `no answer (${answer.failure})` : (errorCodes(answer)[0] ?? 'no error');
        figures.push(
          figure(
            document.name,
            `${answer.status} ${code}, ${fmt(answer.ms)} ms, ${(document.query.length / 1024).toFixed(0)} kB, RSS ${fmt(mb(before.rssBytes))} → ${after ? fmt(mb(after.rssBytes)) : 'gone'} MB${responsive ? '' : gateway.alive() ? `, still busy ${settleMs / 1000} s later (replaced)` : ', exited (replaced)'}`,
          ),
        );
        if (!responsive) {
          await gateway.kill();
          await gateway.close(); // clean-up of its Redis keys
          ({ gateway, baseline } = await start());
        }
      }
      await sleep(1000);
      const end = gateway.memory();
      figures.push(
        figure(
          'RSS at the start / 1 s after the last attack, MB',
          `${fmt(mb(firstBaseline.rssBytes))} / ${end ? fmt(mb(end.rssBytes)) : 'gone'}${hung + bad ? ' (after replacements)' : ''}`,
        ),
        figure('largest peak RSS (VmHWM) above its baseline, MB', fmt(peakGrowth)),
      );
      const failures = bad + hung;
      return {
        setup: `${3 + bombs} attack documents (deep nesting 5000, cyclic contracts/member 28 levels under 50 members, 2000 aliases, ${bombs} distinct introspection bombs of ~${(size / 1024).toFixed(0)} kB) sent one at a time as demo-owner to a gateway with default settings; client timeout ${timeoutMs / 1000} s, then ${settleMs / 1000} s to answer /health again; RSS from /proc/<pid>/status.`,
        figures,
        goals: [
          goal(
            'largest RSS growth of one attack',
            '≤ 50 MB',
            `${fmt(largestGrowth)} MB`,
            largestGrowth <= 50,
          ),
          goal('peak RSS growth', '≤ 200 MB above the baseline', `${fmt(peakGrowth)} MB`, peakGrowth <= 200),
          goal('crashes, 5xx or hung', '= 0', `${bad} crashed or 5xx, ${hung} hung`, failures === 0),
        ],
      };
    } finally {
      await closeAll(sim, gateway);
    }
  },
};
