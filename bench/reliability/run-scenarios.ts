import type { Scenario, ScenarioOptions, ScenarioResult } from './scenario.js';

/**
 * Runs scenarios one after another (never in parallel: they measure latency and memory on a
 * shared machine), logging each figure and goal. A scenario that throws is reported with its error
 * and its goals marked unmet, and the next one still runs.
 */
export async function runScenarios(
  scenarios: readonly Scenario[],
  options: ScenarioOptions,
): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    options.log(`\n== ${scenario.name}`);
    const started = performance.now();
    let result: ScenarioResult;
    try {
      const outcome = await scenario.run(options);
      result = { name: scenario.name, durationSeconds: (performance.now() - started) / 1000, ...outcome };
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      result = {
        name: scenario.name,
        setup: '(did not complete)',
        durationSeconds: (performance.now() - started) / 1000,
        figures: [],
        goals: scenario.goals.map((name) => ({ name, target: '-', measured: 'not measured', passed: false })),
        error: message.split('\n')[0],
      };
      options.log(message);
    }
    for (const f of result.figures) options.log(`  ${f.name}: ${f.value}`);
    for (const g of result.goals) {
      options.log(`  ${g.passed ? 'MET ' : 'MISS'} ${g.name}: ${g.measured} (goal ${g.target})`);
    }
    options.log(`  (${result.durationSeconds.toFixed(1)} s)`);
    results.push(result);
  }
  return results;
}
