import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { pool } from '../closed-loop.js';
import { DocumentGenerator, type FuzzDocument } from '../fuzz/document-generator.js';
import { problemsOf, type Problem } from '../fuzz/response-check.js';
import { errorCodes, gql, type Answer } from '../http-client.js';
import { closeAll, startGatewayChild, startSimulatorChild, type GatewayChild } from '../processes.js';
import { Prng } from '../prng.js';
import { figure, goal, type Scenario } from '../scenario.js';

const VALID_TOKENS = [
  'demo-owner',
  'demo-manager',
  'demo-member',
  'demo-owner-2',
  'demo-user-105',
  'demo-user-140',
];
const INVALID_TOKENS = [
  'invalid',
  'demo-user-999999',
  'x'.repeat(5000),
  'Bearer',
  'demo-owner ',
  "'; DROP TABLE--",
];
const MAX_SAVED = 50;

function randomToken(random: Prng): string | null {
  const roll = random.next();
  if (roll < 0.2) return null;
  if (roll < 0.8) return random.pick(VALID_TOKENS);
  return random.pick(INVALID_TOKENS);
}

/**
 * Schema-aware fuzzing over HTTP: the schema is introspected from the running gateway, then
 * 10,000 (quick: 300) random documents with variables (fuzz/document-generator.ts: valid and
 * slightly invalid, huge strings, negative and huge numbers, bad cursors, deep and aliased
 * selections) are sent, 8 at a time, with random tokens (none, valid, invalid). Counted: crashes of
 * the gateway process (it is restarted), 5xx, bodies with a stack trace or a file path, and
 * INTERNAL_SERVER_ERROR. Deterministic by the seed (the documents; timing may differ); each
 * offending document is saved under the failures directory with its token and answer, for replay.
 */
export const fuzz: Scenario = {
  name: 'fuzz',
  goals: ['crashes', '5xx', 'stack traces', 'INTERNAL_SERVER_ERROR'],
  async run({ quick, seed, failuresDir, log }) {
    const total = quick ? 300 : 10_000;
    const boundMs = quick ? 60_000 : 300_000;
    const sim = await startSimulatorChild();
    const env = { UPSTREAM_TIMEOUT_MS: '2000' };
    let gateway: GatewayChild = await startGatewayChild('fuzz', sim, env);
    try {
      const introspection = await gql(gateway.url, { query: getIntrospectionQuery() }, null);
      const schema = buildClientSchema(introspection.json!.data as IntrospectionQuery);
      const random = new Prng(seed).fork(3);
      const generator = new DocumentGenerator(schema, random);
      const cases = Array.from({ length: total }, () => ({
        document: generator.next(),
        token: randomToken(random),
      }));
      const counts: Record<Problem | 'crashes', number> = {
        crashes: 0,
        '5xx': 0,
        'stack trace': 0,
        INTERNAL_SERVER_ERROR: 0,
        'no answer': 0,
      };
      const codes = new Map<string, number>();
      const kinds = { valid: 0, broken: 0, withData: 0 };
      let saved = 0;
      let sent = 0;
      const deadline = Date.now() + boundMs;
      const save = (
        index: number,
        document: FuzzDocument,
        token: string | null,
        answer: Answer | undefined,
        problems: string[],
      ) => {
        if (saved >= MAX_SAVED) return;
        saved += 1;
        mkdirSync(failuresDir, { recursive: true });
        const file = join(failuresDir, `fuzz-seed${seed}-${index}.json`);
        writeFileSync(
          file,
          `${JSON.stringify({ seed, index, problems, token, request: { query: document.query, variables: document.variables }, status: answer?.status, body: answer?.text.slice(0, 4000) }, null, 2)}\n`,
        );
        log(`  saved ${file}: ${problems.join(', ')}`);
      };
      let restarting: Promise<void> | undefined;
      await pool(total, 8, async (index) => {
        if (Date.now() > deadline) return;
        await restarting;
        const { document, token } = cases[index]!;
        const answer = await gql(
          gateway.url,
          { query: document.query, variables: document.variables },
          token,
          30_000,
        );
        sent += 1;
        kinds[document.kind] += 1;
        if (answer.json?.data && Object.values(answer.json.data).some((v) => v !== null)) kinds.withData += 1;
        for (const code of new Set(errorCodes(answer))) codes.set(code, (codes.get(code) ?? 0) + 1);
        const problems: string[] = problemsOf(answer);
        if (!gateway.alive()) {
          problems.push('crash');
          if (!restarting) {
            counts.crashes += 1;
            log(`  gateway exited (${gateway.exitStatus()}): ${gateway.stderrTail().slice(-500)}`);
            restarting = startGatewayChild('fuzz', sim, env).then((g) => {
              gateway = g;
              restarting = undefined;
            });
          }
        }
        for (const p of problems) if (p in counts) counts[p as Problem] += 1;
        if (problems.length) save(index, document, token, answer, problems);
      });
      const topCodes = [...codes].sort((a, b) => b[1] - a[1]).slice(0, 8);
      return {
        setup: `${sent} of ${total} documents (seed ${seed}) generated from the gateway's introspected schema, 8 in flight, random tokens (20% none, 60% valid, 20% invalid); gateway defaults (cache on, Redis), UPSTREAM_TIMEOUT_MS 2000; replay a saved document with \`npm run reliability -- --replay <file>\`.`,
        figures: [
          figure('documents sent (valid / damaged)', `${sent} (${kinds.valid} / ${kinds.broken})`),
          figure('answers with some data', kinds.withData),
          figure('error codes (answers with at least one)', topCodes.map(([c, n]) => `${c} ${n}`).join(', ')),
          figure('crashes (gateway exited)', counts.crashes),
          figure('5xx', counts['5xx']),
          figure('no answer within 30 s', counts['no answer']),
          figure('bodies with a stack trace or file path', counts['stack trace']),
          figure('INTERNAL_SERVER_ERROR answers', counts.INTERNAL_SERVER_ERROR),
          figure(
            'offending documents saved',
            saved ? `${saved} in ${failuresDir}/fuzz-seed${seed}-*.json` : 0,
          ),
        ],
        goals: [
          goal('crashes', '= 0', counts.crashes, counts.crashes === 0 && sent > 0),
          goal('5xx', '= 0', counts['5xx'] + counts['no answer'], counts['5xx'] + counts['no answer'] === 0),
          goal('stack traces', '= 0', counts['stack trace'], counts['stack trace'] === 0),
          goal(
            'INTERNAL_SERVER_ERROR',
            '= 0',
            counts.INTERNAL_SERVER_ERROR,
            counts.INTERNAL_SERVER_ERROR === 0,
          ),
        ],
      };
    } finally {
      await closeAll(sim, gateway);
    }
  },
};
