import { createLogger } from '../../src/logging/logger.js';
import { requestIdFrom } from '../../src/observability/request-scope.js';
import { configureSimulator, startStack, type Stack } from '../support/gateway-harness.js';

/** Every request has an id: the client's when sane, else a new UUID; echoed, and in every log line of it. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ logger, env: { UPSTREAM_RETRIES: '0', CACHE_RESPONSES_MAX_MB: '0' } });
  });
  afterAll(() => stack.close());

  const post = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-owner', ...headers },
      body: JSON.stringify({ query }),
    });

  it('echoes a sane incoming x-request-id, and generates a fresh UUID otherwise', async () => {
    const sane = await post('{ __typename }', { 'x-request-id': 'client-7f3a.42:retry_1' });
    expect(sane.headers.get('x-request-id')).toBe('client-7f3a.42:retry_1');
    const generated = [await post('{ __typename }'), await post('{ __typename }')].map((response) =>
      response.headers.get('x-request-id'),
    );
    expect(generated[0]).toMatch(UUID);
    expect(generated[1]).toMatch(UUID);
    expect(generated[0]).not.toBe(generated[1]);
    for (const insane of ['has space', 'x'.repeat(129), 'semi;colon', '"quoted"', '']) {
      const response = await post('{ __typename }', { 'x-request-id': insane });
      expect(response.headers.get('x-request-id')).toMatch(UUID);
    }
    // Browsers may read it (CORS).
    expect(sane.headers.get('access-control-expose-headers')).toBe('x-request-id');
    // Other routes get one too.
    expect((await fetch(`${stack.gateway.url}/healthz`)).headers.get('x-request-id')).toMatch(UUID);
  });

  it('every log line written while serving a request carries its id (upstream, cache, request lines)', async () => {
    await configureSimulator(stack.sim, { failRate: 1, faultPathPattern: '^/api/v2/(projects|contracts)' });
    lines.length = 0;
    try {
      await Promise.all([
        post('query A { workspace(workspaceId: 1) { projects(first: 1) { totalCount } } }', {
          'x-request-id': 'req-A',
        }),
        post('query B { workspace(workspaceId: 1) { contracts(first: 1) { totalCount } } }', {
          'x-request-id': 'req-B',
        }),
      ]);
    } finally {
      await configureSimulator(stack.sim, { failRate: 0, faultPathPattern: '' });
    }
    // (Two different upstream reads: requests sharing one read share its single load and its log line.)
    const upstreamErrors = lines.filter((line) => line.msg === 'upstream error');
    expect(upstreamErrors.length).toBeGreaterThanOrEqual(2);
    expect(new Set(upstreamErrors.map((line) => line.requestId))).toEqual(new Set(['req-A', 'req-B']));
    const requestLines = lines.filter((line) => line.msg === 'graphql request');
    expect(requestLines.map((line) => [line.requestId, line.operation, line.outcome]).sort()).toEqual([
      ['req-A', 'A', 'partial'],
      ['req-B', 'B', 'partial'],
    ]);
    // Nothing logged during these requests lacks an id.
    expect(lines.filter((line) => line.requestId === undefined)).toEqual([]);
  });

  it('log lines outside any request have no id', () => {
    lines.length = 0;
    logger.info('not in a request');
    expect(lines[0]!.requestId).toBeUndefined();
  });
});

describe('requestIdFrom', () => {
  it.each([
    ['01HZX3K2J9V8Q7W6E5R4T3Y2U1', true],
    ['4bf92f3577b34da6a3ce929d0e0e4736', true],
    ['abc+/=', true],
    ['a\nb', false],
    ['<script>', false],
    ['ünïcode', false],
  ])('%j kept: %s', (value, kept) => {
    expect(requestIdFrom(value) === value).toBe(kept);
  });

  it('takes the first of repeated headers', () => {
    expect(requestIdFrom(['first', 'second'])).toBe('first');
    expect(requestIdFrom(undefined)).toMatch(UUID);
  });
});
