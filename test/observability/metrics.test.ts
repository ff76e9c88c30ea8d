import { setTimeout as sleep } from 'node:timers/promises';
import { UnlimitedRateBudget } from '../../src/budget/index.js';
import { UpstreamClient } from '../../src/datasources/upstream-client.js';
import { silentLogger } from '../../src/logging/logger.js';
import { MAX_OPERATION_LABELS } from '../../src/observability/metrics.js';
import { callerFromHeader } from '../../src/server/context.js';
import { configureSimulator, startStack, type Stack } from '../support/gateway-harness.js';
import { delta, scrape } from '../support/metrics.js';

/**
 * /metrics after real requests through a real gateway and simulator: each counter moves by what
 * the requests did, checked against the simulator's own count of the calls it received.
 */

const OPS = 'wwgw_graphql_operations_total';
const UPSTREAM = 'wwgw_upstream_requests_total';
const CACHE = 'wwgw_cache_reads_total';

/** The simulator's `GET /members/{memberId}` spelled as the gateway's route template. */
const asTemplate = (simRoute: string) => simRoute.replace(/\{[^}]+\}/g, ':id');

describe('/metrics', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ env: { CACHE_RESPONSES_MAX_MB: '0', CACHE_TTL_LISTS_SECONDS: '1' } });
  });
  afterAll(() => stack.close());

  it('serves the Prometheus text format, with the process metrics', async () => {
    const response = await fetch(`${stack.gateway.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE wwgw_graphql_operations_total counter');
    expect(text).toContain('# TYPE wwgw_graphql_operation_duration_seconds histogram');
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('counts an operation by name and outcome, its upstream calls by route and status, and its cache misses then hits', async () => {
    const query = 'query Roster { workspace(workspaceId: 1) { name members(first: 5) { totalCount } } }';
    await stack.resetUpstreamStats();
    const before = await scrape(stack.gateway.url);
    expect((await stack.gql(query)).errors).toBeUndefined();
    const afterFirst = await scrape(stack.gateway.url);

    expect(delta(before, afterFirst, OPS, { operation: 'Roster', outcome: 'ok' })).toBe(1);
    expect(delta(before, afterFirst, OPS)).toBe(1);
    expect(
      delta(before, afterFirst, 'wwgw_graphql_operation_duration_seconds_count', { operation: 'Roster' }),
    ).toBe(1);
    // Every call the simulator received, and no other, under its route template and status 200.
    const stats = await stack.upstreamStats();
    expect(stats.total).toBeGreaterThan(0);
    for (const [route, count] of Object.entries(stats.byRoute)) {
      const [method, path] = route.split(' ') as [string, string];
      expect(delta(before, afterFirst, UPSTREAM, { method, route: asTemplate(path), status: '200' })).toBe(
        count,
      );
    }
    expect(delta(before, afterFirst, UPSTREAM)).toBe(stats.total);
    // Each upstream read was a cache miss; the budget (off here: unlimited) allowed each call.
    const misses = delta(before, afterFirst, CACHE, { result: 'miss' });
    expect(misses).toBe(stats.total);
    expect(delta(before, afterFirst, CACHE, { result: 'hit' })).toBe(0);
    expect(delta(before, afterFirst, 'wwgw_budget_decisions_total', { decision: 'allowed' })).toBe(
      stats.total,
    );
    expect(delta(before, afterFirst, 'wwgw_budget_wait_seconds_count')).toBe(stats.total);

    // The same query again: every read is a hit, nothing goes upstream.
    expect((await stack.gql(query)).errors).toBeUndefined();
    const afterSecond = await scrape(stack.gateway.url);
    expect(delta(afterFirst, afterSecond, CACHE, { result: 'hit' })).toBe(misses);
    expect(delta(afterFirst, afterSecond, CACHE, { result: 'miss' })).toBe(0);
    expect(delta(afterFirst, afterSecond, UPSTREAM)).toBe(0);
    expect(delta(afterFirst, afterSecond, OPS, { operation: 'Roster', outcome: 'ok' })).toBe(1);

    // Past the lists' 1 s TTL, the member list is served stale while it is refreshed.
    await sleep(1100);
    expect((await stack.gql(query)).errors).toBeUndefined();
    const afterStale = await scrape(stack.gateway.url);
    expect(delta(afterSecond, afterStale, CACHE, { result: 'stale' })).toBeGreaterThanOrEqual(1);
  });

  it('tells ok, partial and error outcomes apart', async () => {
    const before = await scrape(stack.gateway.url);
    // Only the tasks route fails: the workspace's name is data, its tasks an error.
    await configureSimulator(stack.sim, { failRate: 1, faultPathPattern: '^/api/v2/tasks' });
    let partial;
    try {
      partial = await stack.gql(
        'query Mixed { workspace(workspaceId: 1) { name projects(first: 1) { nodes { tasks(first: 1) { totalCount } } } } }',
      );
    } finally {
      await configureSimulator(stack.sim, { failRate: 0, faultPathPattern: '' });
    }
    expect(partial.data.workspace.name).toBe('Acme Studio');
    expect(partial.errors!.length).toBeGreaterThanOrEqual(1);
    // Refused at validation: no data at all.
    const invalid = await stack.gql('query Broken { workspace(workspaceId: 1) { noSuchField } }');
    expect(invalid.data).toBeUndefined();
    // Refused by the HTTP layer (not JSON).
    const notJson = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(notJson.status).toBe(400);
    const after = await scrape(stack.gateway.url);
    expect(delta(before, after, OPS, { operation: 'Mixed', outcome: 'partial' })).toBe(1);
    expect(delta(before, after, OPS, { operation: '(invalid)', outcome: 'error' })).toBe(2);
    expect(delta(before, after, OPS)).toBe(3);
  });

  it('keeps operation names, which clients choose, to a bounded set of label values', async () => {
    const names = Array.from({ length: MAX_OPERATION_LABELS + 20 }, (_, i) => `Probe${i}`);
    for (const name of names) await stack.gql(`query ${name} { __typename }`);
    const after = await scrape(stack.gateway.url);
    const labels = after.labelValues(OPS, 'operation');
    expect(labels.length).toBeLessThanOrEqual(MAX_OPERATION_LABELS + 1);
    expect(labels).toContain('(other)');
    expect(after.value(OPS, { operation: '(other)' })).toBeGreaterThanOrEqual(20);
  });

  it('counts every attempt of a failing upstream call, retries included, under its status', async () => {
    await stack.resetUpstreamStats();
    const before = await scrape(stack.gateway.url);
    await configureSimulator(stack.sim, { failRate: 1 });
    try {
      // Contracts: read by no earlier test, so nothing is cached to fall back on.
      const result = await stack.gql('{ workspace(workspaceId: 1) { contracts(first: 1) { totalCount } } }');
      expect(result.errors![0]!.extensions!.code).toBe('UPSTREAM_UNAVAILABLE');
    } finally {
      await configureSimulator(stack.sim, { failRate: 0 });
    }
    const after = await scrape(stack.gateway.url);
    const sent = (await stack.upstreamStats()).total;
    // UPSTREAM_RETRIES=1: each failed GET was sent twice, and both attempts are counted as 500s.
    expect(sent).toBeGreaterThanOrEqual(2);
    expect(delta(before, after, UPSTREAM, { status: '500' })).toBe(sent);
    expect(delta(before, after, UPSTREAM)).toBe(sent);
  });
});

describe('/metrics: route templates', () => {
  let stack: Stack;

  beforeAll(async () => {
    // naive: one upstream call per edge, so single resources are fetched by id (/projects/7, ...).
    stack = await startStack({ env: { LOADER_MODE: 'naive', CACHE_RESPONSES_MAX_MB: '0' } });
  });
  afterAll(() => stack.close());

  it('labels upstream calls by route template, never by a path with an id in it', async () => {
    await stack.resetUpstreamStats();
    const before = await scrape(stack.gateway.url);
    const result = await stack.gql(
      '{ workspace(workspaceId: 1) { members(first: 10) { nodes { contracts { project { name } } } } } }',
    );
    expect(result.errors).toBeUndefined();
    const stats = await stack.upstreamStats();
    const byIdRoutes = Object.keys(stats.byRoute).filter((route) => route.includes('{'));
    expect(byIdRoutes.length).toBeGreaterThan(0);
    const after = await scrape(stack.gateway.url);
    for (const [route, count] of Object.entries(stats.byRoute)) {
      const [method, path] = route.split(' ') as [string, string];
      expect(delta(before, after, UPSTREAM, { method, route: asTemplate(path) })).toBe(count);
    }
    for (const route of after.labelValues(UPSTREAM, 'route')) expect(route).toMatch(/^(\/([a-z-]+|:id))+$/);
  });

  it('calls to many different ids make one series', async () => {
    const caller = callerFromHeader('Bearer demo-owner')!;
    // An upstream client observed like the gateway's own, so calls can name any id.
    const upstream = new UpstreamClient({
      baseUrl: stack.sim.apiUrl,
      timeoutMs: 5000,
      retries: 0,
      budget: new UnlimitedRateBudget(),
      logger: silentLogger,
      observer: stack.gateway.observability.upstream(new URL(stack.sim.apiUrl).hostname),
    });
    const before = await scrape(stack.gateway.url);
    for (let id = 1; id <= 40; id++) {
      await upstream.get(caller, `/projects/${id}`, { workspace_id: 1 }).catch(() => undefined);
    }
    const after = await scrape(stack.gateway.url);
    const series = after.series.filter(
      (s) => s.name === UPSTREAM && s.labels.route === '/projects/:id' && s.labels.method === 'GET',
    );
    expect(delta(before, after, UPSTREAM, { route: '/projects/:id' })).toBe(40);
    // One series per status (200 for the projects that exist, 404 for the others), not per id.
    expect(series.length).toBeLessThanOrEqual(3);
  });
});

describe('/metrics: budget and whole responses', () => {
  it('counts budget refusals and upstream 429 blocks', async () => {
    const stack = await startStack({ env: { UPSTREAM_RATE_LIMIT: '2', CACHE_RESPONSES_MAX_MB: '0' } });
    try {
      const before = await scrape(stack.gateway.url);
      // Two upstream calls, then a third for a budget of two per minute: the third is refused (one
      // query of three calls would be refused before execution, as more than a window holds).
      const first = await stack.gql('{ workspace(workspaceId: 1) { members(first: 5) { totalCount } } }');
      expect(first.errors).toBeUndefined();
      const result = await stack.gql('{ workspace(workspaceId: 1) { projects(first: 5) { totalCount } } }');
      expect(result.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      const after = await scrape(stack.gateway.url);
      expect(delta(before, after, 'wwgw_budget_decisions_total', { decision: 'allowed' })).toBe(2);
      expect(
        delta(before, after, 'wwgw_budget_decisions_total', { decision: 'refused' }),
      ).toBeGreaterThanOrEqual(1);
    } finally {
      await stack.close();
    }

    // The gateway's budget off, WebWork's own limit at 1/min: its 429 blocks the caller.
    const limited = await startStack({ sim: { rateLimit: 1 }, env: { CACHE_RESPONSES_MAX_MB: '0' } });
    try {
      const before = await scrape(limited.gateway.url);
      const result = await limited.gql('{ workspace(workspaceId: 1) { members(first: 5) { totalCount } } }');
      expect(result.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      const after = await scrape(limited.gateway.url);
      expect(delta(before, after, 'wwgw_budget_upstream_blocks_total')).toBe(1);
      expect(delta(before, after, UPSTREAM, { status: '429' })).toBe(1);
    } finally {
      await limited.close();
    }
  });

  it('counts reused whole responses as hits and as operations of their own name', async () => {
    const stack = await startStack();
    try {
      const query = 'query Again { workspace(workspaceId: 1) { name } }';
      await stack.gql(query);
      const before = await scrape(stack.gateway.url);
      const reused = await stack.gql(query);
      expect(reused.gatewayCache).toBe('hit');
      const after = await scrape(stack.gateway.url);
      expect(delta(before, after, 'wwgw_cache_whole_response_hits_total')).toBe(1);
      expect(delta(before, after, OPS, { operation: 'Again', outcome: 'ok' })).toBe(1);
    } finally {
      await stack.close();
    }
  });

  it('METRICS_ENABLED=false: no /metrics route', async () => {
    const stack = await startStack({ env: { METRICS_ENABLED: 'false' } });
    try {
      expect((await fetch(`${stack.gateway.url}/metrics`)).status).toBe(404);
    } finally {
      await stack.close();
    }
  });
});
