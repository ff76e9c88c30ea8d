import { parseArgs } from 'node:util';
import { hostProblem } from '../net/host.js';
import { DEFAULT_PROFILE, parseProfileName, type ProfileName } from './profile.js';

/** Everything that shapes a simulator run. Sizes apply to workspace 1; workspace 2 is small. */
export interface SimulatorOptions {
  readonly seed: number;
  readonly workspaces: number;
  readonly membersPerWorkspace: number;
  readonly projects: number;
  readonly contracts: number;
  readonly tasksPerProject: number;
  readonly timesheets: number;
  readonly timeRequests: number;
  readonly leaves: number;
  readonly expenses: number;
  /** Days of seeded time entries (history behind reports and timesheets). */
  readonly historyDays: number;
  /** Requests per minute per token; 0 turns the limit off. */
  readonly rateLimit: number;
  readonly rateLimitWindowMs: number;
  readonly latencyMs: number;
  readonly jitterMs: number;
  /** Probability (0..1) that a request answers 500. */
  readonly failRate: number;
  /** Probability (0..1) that a request never answers. */
  readonly hangRate: number;
  /** Timeout for webhook deliveries. */
  readonly webhookTimeoutMs: number;
  /** How closely the wire follows the docs (`profile.ts`); can be changed at run time. */
  readonly profile: ProfileName;
  /**
   * Share (0..1) of the seeded running trackers that run "from the desktop app". The choice is a
   * hash of the seed and the user, so the same seed picks the same trackers and the rest of the
   * seeded data does not move. Only `docs-exact` treats them differently (current-data).
   */
  readonly desktopTrackerShare: number;
}

export const defaultSimulatorOptions: SimulatorOptions = Object.freeze({
  seed: 42,
  workspaces: 2,
  membersPerWorkspace: 50,
  projects: 20,
  contracts: 100,
  tasksPerProject: 10,
  timesheets: 40,
  timeRequests: 30,
  leaves: 30,
  expenses: 40,
  historyDays: 14,
  rateLimit: 60,
  rateLimitWindowMs: 60_000,
  latencyMs: 0,
  jitterMs: 0,
  failRate: 0,
  hangRate: 0,
  webhookTimeoutMs: 2_000,
  profile: DEFAULT_PROFILE,
  desktopTrackerShare: 0.3,
});

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';

/** The numeric flags and the option each sets (also listed by `--help`, see usage.ts). */
export const numericFlags = {
  seed: 'seed',
  workspaces: 'workspaces',
  members: 'membersPerWorkspace',
  projects: 'projects',
  contracts: 'contracts',
  'tasks-per-project': 'tasksPerProject',
  timesheets: 'timesheets',
  'time-requests': 'timeRequests',
  leaves: 'leaves',
  expenses: 'expenses',
  'history-days': 'historyDays',
  'rate-limit': 'rateLimit',
  'rate-limit-window-ms': 'rateLimitWindowMs',
  'latency-ms': 'latencyMs',
  'jitter-ms': 'jitterMs',
  'fail-rate': 'failRate',
  'hang-rate': 'hangRate',
  'webhook-timeout-ms': 'webhookTimeoutMs',
  'desktop-tracker-share': 'desktopTrackerShare',
} as const satisfies Record<string, keyof SimulatorOptions>;

const probabilities: ReadonlySet<keyof SimulatorOptions> = new Set([
  'failRate',
  'hangRate',
  'desktopTrackerShare',
]);

/** Parses `--flag value` pairs; a bad value fails fast naming the flag and what was expected. */
export function parseSimulatorArgs(argv: readonly string[]): {
  port: number;
  host: string;
  options: SimulatorOptions;
} {
  const flagOptions = Object.fromEntries(
    [...Object.keys(numericFlags), 'port', 'host', 'profile'].map((name) => [
      name,
      { type: 'string' as const },
    ]),
  );
  const { values } = parseArgs({ args: [...argv], options: flagOptions, strict: true });
  const options: Record<string, unknown> = { ...defaultSimulatorOptions };
  for (const [flag, key] of Object.entries(numericFlags)) {
    const raw = values[flag];
    if (raw === undefined) continue;
    const value = Number(raw);
    const isProbability = probabilities.has(key);
    const valid =
      Number.isFinite(value) && value >= 0 && (isProbability ? value <= 1 : Number.isInteger(value));
    if (!valid) {
      throw new Error(
        `--${flag} expects ${isProbability ? 'a number between 0 and 1' : 'a non-negative integer'}, got "${String(raw)}"`,
      );
    }
    options[key] = value;
  }
  if (values.profile !== undefined) options.profile = parseProfileName(values.profile, '--profile');
  if ((options.workspaces as number) < 2)
    throw new Error('--workspaces expects at least 2 (the demo tokens need two)');
  const port = Number(values.port ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port expects an integer 0..65535, got "${String(values.port)}"`);
  }
  const host = typeof values.host === 'string' ? values.host : DEFAULT_HOST;
  const problem = hostProblem(host);
  if (problem) throw new Error(`--host ${problem.replace(/^must be/, 'expects')}`);
  return {
    port,
    host,
    options: Object.freeze(options) as unknown as SimulatorOptions,
  };
}
