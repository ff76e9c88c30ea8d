import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScenarios } from '../../bench/reliability/run-scenarios.js';
import type { ScenarioResult } from '../../bench/reliability/scenario.js';
import { SCENARIOS } from '../../bench/reliability/scenarios/index.js';

/**
 * The fast subset of `npm run reliability`: every scenario at its quick sizes (300 fuzz documents,
 * 20 dashboards, a 8 s soak, …) against real child processes (the built gateway and simulator from
 * `dist/`, which `npm test` builds first), real Redis and a private redis-server. Each goal is one
 * assertion; the full run and its figures are in docs/reliability.md.
 * RELIABILITY_SEED replays a run (the fuzzer's documents and the query mixes follow the seed).
 */
const options = {
  quick: true,
  seed: Number(process.env.RELIABILITY_SEED ?? 424242),
  soakSeconds: 8,
  failuresDir: join(tmpdir(), 'reliability-failures'),
  log: () => undefined,
};

describe.each(SCENARIOS.map((s) => [s.name, s] as const))('reliability (quick): %s', (_name, scenario) => {
  let result: ScenarioResult;
  beforeAll(async () => {
    [result] = await runScenarios([scenario], options);
    process.stdout.write(
      `${scenario.name} (seed ${options.seed}, ${result.durationSeconds.toFixed(1)} s): ${result.figures.map((f) => `${f.name}: ${f.value}`).join('; ')}\n`,
    );
  }, 120_000);

  it.each(scenario.goals.map((name) => [name]))('goal: %s', (name) => {
    expect(result.error).toBeUndefined();
    const measured = result.goals.find((g) => g.name === name);
    expect(measured).toBeDefined();
    // Target and measured value appear in the diff when a goal is not met.
    expect({
      goal: name,
      target: measured!.target,
      measured: measured!.measured,
      met: measured!.passed,
    }).toEqual({
      goal: name,
      target: measured!.target,
      measured: measured!.measured,
      met: true,
    });
  });
});
