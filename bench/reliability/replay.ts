import { readFileSync } from 'node:fs';
import { problemsOf } from './fuzz/response-check.js';
import { gql } from './http-client.js';
import { closeAll, startGatewayChild, startSimulatorChild } from './processes.js';

/**
 * Replays one saved offending document (docs/reliability-failures/*.json, written by the fuzz
 * scenario) against a fresh simulator and gateway configured as the fuzzer's, and prints the answer
 * and the problems found in it now.
 */
export async function replay(file: string): Promise<number> {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as {
    token: string | null;
    request: { query: string; variables?: unknown };
  };
  const sim = await startSimulatorChild();
  const gateway = await startGatewayChild('replay', sim, { UPSTREAM_TIMEOUT_MS: '2000' });
  try {
    const answer = await gql(gateway.url, saved.request, saved.token, 30_000);
    const problems = problemsOf(answer);
    if (!gateway.alive()) problems.push('no answer');
    console.log(
      `status ${answer.status} in ${answer.ms.toFixed(0)} ms${answer.failure ? ` (${answer.failure})` : ''}`,
    );
    console.log(answer.text.slice(0, 4000));
    console.log(problems.length ? `problems: ${problems.join(', ')}` : 'no problem found');
    return problems.length ? 1 : 0;
  } finally {
    await closeAll(sim, gateway);
  }
}
