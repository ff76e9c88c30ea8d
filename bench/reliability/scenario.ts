/**
 * What a reliability scenario is: a named, time-bounded run against real processes that returns
 * figures (what was measured) and goals (what each figure is held to). Each scenario lives in its
 * own file under `scenarios/` and is listed in `scenarios/index.ts`.
 */
export interface ScenarioOptions {
  /** Small sizes and short durations (CI); otherwise the full sizes of `npm run reliability`. */
  quick: boolean;
  /** Seed of everything random a scenario chooses (fuzzing, query mixes). */
  seed: number;
  /** Soak length in seconds (full mode). */
  soakSeconds: number;
  /** Where offending documents are saved for replay. */
  failuresDir: string;
  log: (line: string) => void;
}

export interface Figure {
  name: string;
  value: string;
}

export interface Goal {
  /** Stable name, e.g. `failed requests`, used by the quick test to assert each goal. */
  name: string;
  /** The bound, in words, e.g. `= 0` or `≤ 60 per token`. */
  target: string;
  measured: string;
  passed: boolean;
}

export interface ScenarioResult {
  name: string;
  /** What was run: setup, load and sizes, in a sentence or two. */
  setup: string;
  durationSeconds: number;
  figures: Figure[];
  goals: Goal[];
  /** Set when the scenario could not complete (its goals then do not count as passed). */
  error?: string;
}

export interface Scenario {
  name: string;
  /** Goal names this scenario reports, in order (so a test can assert each by name). */
  goals: readonly string[];
  run(options: ScenarioOptions): Promise<Omit<ScenarioResult, 'name' | 'durationSeconds'>>;
}

export const figure = (name: string, value: string | number): Figure => ({ name, value: String(value) });

export const goal = (name: string, target: string, measured: string | number, passed: boolean): Goal => ({
  name,
  target,
  measured: String(measured),
  passed,
});
