import { DEFAULT_HOST, DEFAULT_PORT, defaultSimulatorOptions, numericFlags } from './options.js';
import { PROFILE_NAMES } from './profile.js';

/** One line per flag; typed so that a new flag without a line here does not compile. */
const FLAG_HELP: Record<keyof typeof numericFlags | 'port' | 'host' | 'profile', string> = {
  port: 'port to listen on (0 = any free port)',
  host: 'interface to listen on: an IP address or a hostname',
  profile: `how closely the wire follows the docs: ${PROFILE_NAMES.join(' | ')} (see src/simulator/README.md)`,
  seed: 'seed of the generated data (same seed, same data)',
  workspaces: 'workspaces to seed (at least 2)',
  members: 'members of workspace 1',
  projects: 'projects of workspace 1',
  contracts: 'contracts of workspace 1',
  'tasks-per-project': 'tasks per project',
  timesheets: 'timesheets to seed',
  'time-requests': 'time requests to seed',
  leaves: 'leave requests to seed',
  expenses: 'expenses to seed',
  'history-days': 'days of seeded time entries',
  'rate-limit': 'requests per minute per token (0 = off)',
  'rate-limit-window-ms': 'length of the rate-limit window',
  'latency-ms': 'added latency of every API request',
  'jitter-ms': 'random extra latency, up to this much',
  'fail-rate': 'probability (0..1) that a request answers 500',
  'hang-rate': 'probability (0..1) that a request never answers',
  'webhook-timeout-ms': 'timeout of webhook deliveries',
  'desktop-tracker-share': 'share (0..1) of seeded running trackers that run from the desktop app',
};

/** The `--help` text of the simulator: every flag with its default (from `defaultSimulatorOptions`). */
export function simulatorHelp(): string {
  const defaults: Record<string, string> = {
    port: String(DEFAULT_PORT),
    host: DEFAULT_HOST,
    profile: defaultSimulatorOptions.profile,
    ...Object.fromEntries(
      Object.entries(numericFlags).map(([flag, key]) => [flag, String(defaultSimulatorOptions[key])]),
    ),
  };
  const rows = Object.entries(FLAG_HELP).map(([flag, meaning]) => ({
    flag: `--${flag}`,
    fallback: defaults[flag]!,
    meaning,
  }));
  const flagWidth = Math.max(...rows.map((row) => row.flag.length));
  const defaultWidth = Math.max(...rows.map((row) => row.fallback.length));
  return [
    'Usage: node dist/src/simulator/main.js [--flag value ...]   (npm run simulator -- --flag value)',
    '',
    'WebWork REST API V2 simulator: seeded demo data, demo tokens, injectable latency and faults.',
    'Change faults at run time with POST /__sim/config; request counts at GET /__sim/stats.',
    '',
    `${'flag'.padEnd(flagWidth)}  ${'default'.padEnd(defaultWidth)}  meaning`,
    ...rows.map(
      (row) => `${row.flag.padEnd(flagWidth)}  ${row.fallback.padEnd(defaultWidth)}  ${row.meaning}`,
    ),
    `${'--help'.padEnd(flagWidth)}  ${''.padEnd(defaultWidth)}  print this and exit`,
    '',
  ].join('\n');
}
