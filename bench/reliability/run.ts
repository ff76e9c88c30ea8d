import { parseArgs } from 'node:util';
import { isEntryPoint } from '../child-ipc.js';
import { replay } from './replay.js';
import { renderReport, writeReport } from './report.js';
import { runScenarios } from './run-scenarios.js';
import { SCENARIOS } from './scenarios/index.js';

/**
 * `npm run reliability [-- scenario… --quick --seed N --soak-seconds N --label text --out path]`:
 * runs the named scenarios (all by default), prints each figure and goal, and writes the Markdown
 * report (docs/reliability.md; docs/reliability-quick.md with --quick). Exits 1 when a goal is not
 * met or a scenario could not complete. `--replay <file>` sends one document saved by the fuzzer
 * (docs/reliability-failures/) to a fresh gateway and prints the answer.
 */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      quick: { type: 'boolean', default: false },
      seed: { type: 'string' },
      'soak-seconds': { type: 'string' },
      label: { type: 'string', default: '' },
      out: { type: 'string' },
      replay: { type: 'string' },
    },
  });
  if (values.replay) return replay(values.replay);
  const unknown = positionals.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length) {
    console.error(
      `unknown scenario(s): ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`,
    );
    return 2;
  }
  const seed = Number(values.seed ?? Date.now() % 1_000_000);
  const quick = values.quick ?? false;
  const selected = positionals.length ? SCENARIOS.filter((s) => positionals.includes(s.name)) : SCENARIOS;
  const startedAt = new Date().toISOString();
  console.log(
    `reliability: ${selected.map((s) => s.name).join(', ')} (${quick ? 'quick' : 'full'}, seed ${seed})`,
  );
  const results = await runScenarios(selected, {
    quick,
    seed,
    soakSeconds: Number(values['soak-seconds'] ?? 180),
    failuresDir: 'docs/reliability-failures',
    log: (line) => console.log(line),
  });
  const out = values.out ?? (quick ? 'docs/reliability-quick.md' : 'docs/reliability.md');
  const command = `npm run reliability --${quick ? ' --quick' : ''}${positionals.length ? ` ${positionals.join(' ')}` : ''} --seed ${seed}`;
  await writeReport(
    out,
    renderReport(
      { startedAt, finishedAt: new Date().toISOString(), quick, seed, label: values.label ?? '', command },
      results,
    ),
  );
  const missed = results.flatMap((r) => [
    ...(r.error ? [`${r.name}: did not complete: ${r.error}`] : []),
    ...r.goals.filter((g) => !g.passed).map((g) => `${r.name}: ${g.name}: ${g.measured} (goal ${g.target})`),
  ]);
  console.log(`\nreport: ${out} (seed ${seed})`);
  if (missed.length) {
    console.log(`\ngoals not met:\n- ${missed.join('\n- ')}`);
    return 1;
  }
  console.log('every goal met');
  return 0;
}

if (isEntryPoint(import.meta.url)) process.exit(await main());
