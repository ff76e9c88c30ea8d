import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { envVariables, loadConfig } from '../../src/config/config.js';
import { ENV_HELP, gatewayHelp } from '../../src/config/env-help.js';

/** `--help` and the README list what `loadConfig` reads, with the defaults it applies: no drift. */
const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

describe('the list of environment variables', () => {
  const variables = envVariables();
  const names = variables.map((variable) => variable.name);

  it('is recorded from loadConfig itself, with its defaults', () => {
    expect(names).toEqual(expect.arrayContaining(['PORT', 'REDIS_URL', 'DRAIN_TIMEOUT_MS', 'TRACING']));
    expect(new Set(names).size).toBe(names.length);
    const byName = Object.fromEntries(variables.map((variable) => [variable.name, variable.default]));
    const defaults = loadConfig({});
    expect(byName).toMatchObject({
      PORT: defaults.port,
      HOST: defaults.host,
      REDIS_URL: undefined,
      CACHE_PREFIX: defaults.cache.prefix,
      UPSTREAM_RATE_LIMIT: defaults.upstream.rateLimit,
      QUERY_MAX_DEPTH: defaults.limits.maxDepth,
      METRICS_ENABLED: true,
      TRACING: 'off',
      SHUTDOWN_DELAY_MS: defaults.operations.shutdownDelayMs,
      DRAIN_TIMEOUT_MS: defaults.operations.drainTimeoutMs,
    });
  });

  it('has one line of help per variable read, and none for a variable no longer read', () => {
    expect(Object.keys(ENV_HELP).sort()).toEqual([...names].sort());
  });

  it('--help shows every variable with its default', () => {
    const help = gatewayHelp();
    for (const variable of variables) {
      const shown = variable.default === undefined ? '(unset)' : String(variable.default);
      expect(help).toMatch(
        new RegExp(`^${variable.name} +${shown.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} +\\S`, 'm'),
      );
    }
  });

  it('the README configuration table lists every variable', () => {
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## How it works'));
    for (const name of names) expect(table).toContain(`| \`${name}\``);
  });
});
