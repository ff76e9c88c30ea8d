import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { callerScope } from '../../src/cache/keys.js';
import { createLogger } from '../../src/logging/logger.js';
import { eventually, freePort } from '../cache/redis-test-utils.js';
import { configureSimulator, startStack, type Stack } from '../support/gateway-harness.js';

/**
 * The log lines that concern a caller (upstream errors and failures, cache fallbacks, Redis
 * outages) must not let anyone who reads the logs confirm a guessed token: no token, no plain
 * SHA-256 of it (the cache scope without CACHE_KEY_SECRET), not even an 8-hex-digit prefix.
 */
const TOKEN = 'demo-manager';
const sha256 = createHash('sha256').update(TOKEN).digest('hex');

function capture() {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void lines.push(line) },
  });
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

function expectNothingTokenDerived(lines: readonly string[]) {
  const text = lines.join('\n');
  expect(text).not.toContain(TOKEN);
  // Any longer prefix (e.g. the 32-hex scope) contains this one.
  expect(text).not.toContain(sha256.slice(0, 8));
}

describe('logs carry no token-derived value', () => {
  let stack: Stack;
  const logs = capture();

  beforeAll(async () => {
    stack = await startStack({
      logger: logs.logger,
      env: {
        UPSTREAM_TIMEOUT_MS: '300',
        UPSTREAM_RETRIES: '0',
        CACHE_TTL_LISTS_SECONDS: '1',
        CACHE_TTL_WORKSPACES_SECONDS: '1',
        CACHE_RESPONSES_MAX_MB: '0',
      },
    });
  });
  afterAll(() => stack.close());

  it('upstream errors, timeouts and stale-cache fallbacks name the caller by a log id only', async () => {
    const query = '{ workspace(workspaceId: 1) { members(first: 5) { totalCount } } }';
    expect((await stack.gql(query, {}, TOKEN)).errors).toBeUndefined();
    await sleep(1100);
    await configureSimulator(stack.sim, { failRate: 1 });
    try {
      // Stale entries are served while their refresh fails in the background (logged with the key).
      expect((await stack.gql(query, {}, TOKEN)).data.workspace.members.totalCount).toBe(50);
      await eventually(async () => logs.lines.some((l) => l.includes('background refresh')), 3000);
      // Nothing cached for workspace 2: upstream 500 (logged as an upstream error).
      await stack.gql('{ workspace(workspaceId: 2) { name } }', {}, TOKEN);
    } finally {
      await configureSimulator(stack.sim, { failRate: 0 });
    }
    await configureSimulator(stack.sim, { hangRate: 1 });
    try {
      // Trackers are not cached yet: the upstream call times out.
      const tracker =
        '{ workspace(workspaceId: 1) { members(first: 1) { nodes { tracker { isRunning } } } } }';
      const result = await stack.gql(tracker, {}, TOKEN);
      expect(result.errors![0]!.extensions!.code).toBe('UPSTREAM_TIMEOUT');
    } finally {
      await configureSimulator(stack.sim, { hangRate: 0 });
    }

    const messages = logs.parsed().map((line) => line.msg);
    expect(messages).toEqual(
      expect.arrayContaining([
        'upstream error',
        'upstream request failed',
        'background refresh of a stale cache entry failed',
      ]),
    );
    expectNothingTokenDerived(logs.lines);
    // Not vacuous: every one of those lines names the caller, by the same id, and it is not the scope.
    const aboutCaller = logs.parsed().filter((line) => line.caller !== undefined);
    const ids = new Set(aboutCaller.map((line) => line.caller));
    expect(aboutCaller.length).toBeGreaterThanOrEqual(3);
    expect([...ids]).toEqual([callerScope(TOKEN).logId]);
    expect(logs.parsed().find((line) => line.key !== undefined)!.key).toMatch(/^u:\*:[a-z-]+:/);
  });

  it('request logs: one line per GraphQL request, naming the caller by log id, never the token', async () => {
    const before = logs.lines.length;
    await stack.gql('query WhoAmI { workspace(workspaceId: 1) { name } }', {}, TOKEN);
    // A token sent where a request id goes is not a sane id and is replaced, not logged.
    await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${TOKEN}`,
        'x-request-id': `Bearer ${TOKEN}`,
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const lines = logs.lines.slice(before);
    const requests = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === 'graphql request');
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/graphql',
      status: 200,
      operation: 'WhoAmI',
      outcome: 'ok',
      caller: callerScope(TOKEN).logId,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(requests[1]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expectNothingTokenDerived(lines);
  });
});

describe('logs carry no token-derived value during a Redis outage', () => {
  it('the cache and rate-budget outage lines', async () => {
    const logs = capture();
    const stack = await startStack({
      logger: logs.logger,
      env: { REDIS_URL: `redis://127.0.0.1:${await freePort()}`, UPSTREAM_RATE_LIMIT: '50' },
    });
    try {
      await stack.gql('{ workspace(workspaceId: 1) { name } }', {}, TOKEN);
      const messages = logs.parsed().map((line) => line.msg);
      expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^redis cache unavailable/)]));
      expect(messages).toEqual(
        expect.arrayContaining([expect.stringMatching(/^redis rate budget unavailable/)]),
      );
      expectNothingTokenDerived(logs.lines);
    } finally {
      await stack.close();
    }
  });
});
