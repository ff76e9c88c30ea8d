import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryRateBudget } from '../../src/budget/memory-rate-budget.js';
import type { BudgetDecision, RateBudget } from '../../src/budget/rate-budget.js';
import { UnlimitedRateBudget } from '../../src/budget/unlimited-rate-budget.js';
import { callerScope, type CallerScope } from '../../src/cache/keys.js';
import { ReadCollector } from '../../src/cache/read-collector.js';
import type { Caller } from '../../src/datasources/caller.js';
import { UpstreamClient } from '../../src/datasources/upstream-client.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { capturingLogger, freePort, WARN } from '../cache/redis-test-utils.js';

/**
 * UpstreamClient over real HTTP against a scripted WebWork stand-in: what goes on the wire, which
 * calls are retried (and paid for), and which GatewayError every kind of failure becomes.
 */

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: Received, res: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let handler: Handler;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const r = { method: req.method!, url: req.url!, headers: req.headers, body };
      received.push(r);
      handler(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received.length = 0;
});

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

/** A budget that counts takes and blocks, allowing the first `allow` takes. */
class CountingBudget implements RateBudget {
  takes = 0;
  blocks: number[] = [];
  constructor(private readonly allow = Infinity) {}
  async take(_scope: CallerScope): Promise<BudgetDecision> {
    this.takes++;
    return this.takes <= this.allow ? { allowed: true } : { allowed: false, retryAfterSeconds: 7 };
  }
  async blockFor(_scope: CallerScope, seconds: number): Promise<void> {
    this.blocks.push(seconds);
  }
  async close(): Promise<void> {}
}

const caller: Caller = { token: 'tok-123', scope: callerScope('tok-123') };

function client(
  options: {
    retries?: number;
    timeoutMs?: number;
    budget?: RateBudget;
    url?: string;
    budgetPerMinute?: number;
  } = {},
) {
  const { logger, lines } = capturingLogger();
  const upstream = new UpstreamClient({
    baseUrl: options.url ?? baseUrl,
    timeoutMs: options.timeoutMs ?? 2000,
    retries: options.retries ?? 0,
    budget: options.budget ?? new UnlimitedRateBudget(),
    budgetPerMinute: options.budgetPerMinute,
    logger,
  });
  return { upstream, lines };
}

describe('what goes on the wire', () => {
  it('a GET: the path under the base URL, the bearer token, JSON accepted, null/undefined query values dropped', async () => {
    handler = (_r, res) => json(res, 200, { success: true, data: { id: 1 } });
    const { upstream } = client();
    const envelope = await upstream.get(caller, '/members/5', {
      workspace_id: 1,
      zero: 0,
      no: false,
      empty: '',
      gone: undefined,
      nil: null,
    });
    expect(envelope).toEqual({ success: true, data: { id: 1 } });
    expect(received).toHaveLength(1);
    const [r] = received;
    expect(r.method).toBe('GET');
    expect(r.url).toBe('/api/v2/members/5?workspace_id=1&zero=0&no=false&empty=');
    expect(r.headers.authorization).toBe('Bearer tok-123');
    expect(r.headers.accept).toBe('application/json');
    expect(r.headers['user-agent']).toBe('webwork-graphql-gateway');
  });

  it('a path is taken under the base URL with or without its leading slash', async () => {
    handler = (_r, res) => json(res, 200, { success: true, data: [] });
    const { upstream } = client();
    await upstream.get(caller, 'members/5');
    await upstream.get(caller, '/members/5');
    expect(received.map((r) => r.url)).toEqual(['/api/v2/members/5', '/api/v2/members/5']);
  });

  it('a write sends its body as JSON', async () => {
    handler = (_r, res) => json(res, 201, { success: true, data: { ok: true } });
    const { upstream } = client();
    await upstream.send(caller, 'POST', '/time-tracking/start', { body: { workspace_id: 1, user_id: 2 } });
    expect(received[0].method).toBe('POST');
    expect(received[0].url).toBe('/api/v2/time-tracking/start');
    expect(received[0].headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(received[0].body)).toEqual({ workspace_id: 1, user_id: 2 });
  });

  it('every call spends the caller’s budget; a denied take sends nothing and is RATE_LIMITED', async () => {
    handler = (_r, res) => json(res, 200, { success: true, data: [] });
    const budget = new CountingBudget(1);
    const { upstream } = client({ budget });
    await upstream.get(caller, '/workspaces');
    const error = await upstream.get(caller, '/workspaces').catch((e: GatewayError) => e);
    expect(error).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 7 } });
    expect((error as GatewayError).message).toMatch(/per-user request limit for your token/);
    expect(received).toHaveLength(1);
  });

  it('a budget refusal names the configured limit, not a number copied from the docs', async () => {
    handler = (_r, res) => json(res, 200, { success: true, data: [] });
    const { upstream } = client({ budget: new CountingBudget(0), budgetPerMinute: 17 });
    const error = (await upstream.get(caller, '/workspaces').catch((e: GatewayError) => e)) as GatewayError;
    expect(error.message).toBe(
      'The gateway is holding back: it spends at most 17 upstream requests per minute per token (UPSTREAM_RATE_LIMIT), to stay within WebWork’s limit. Retry in 7 s.',
    );
  });
});

describe('whole-response reuse', () => {
  const withReads = (): Caller => ({ ...caller, reads: new ReadCollector() });

  it.each(['POST', 'PUT', 'DELETE'] as const)(
    'a %s marks the request as having written, even when WebWork refuses it',
    async (method) => {
      handler = (_r, res) => json(res, 400, { success: false, message: 'no' });
      const writer = withReads();
      await client()
        .upstream.send(writer, method, '/x', { body: {} })
        .catch(() => undefined);
      expect(writer.reads!.wrote).toBe(true);
    },
  );

  it('a GET does not', async () => {
    handler = (_r, res) => json(res, 200, { success: true, data: [] });
    const reader = withReads();
    await client().upstream.get(reader, '/workspaces');
    expect(reader.reads!.wrote).toBe(false);
  });
});

describe('retries', () => {
  it.each([500, 502, 503, 504])(
    'a GET answered %i is retried `retries` times, quickly, each retry paid from the budget',
    async (status) => {
      let n = 0;
      handler = (_r, res) =>
        ++n <= 2 ? json(res, status, { success: false }) : json(res, 200, { success: true, data: 'ok' });
      const budget = new CountingBudget();
      const { upstream } = client({ retries: 2, budget });
      const started = Date.now();
      expect((await upstream.get(caller, '/workspaces')).data).toBe('ok');
      expect(Date.now() - started).toBeLessThan(1500); // backoff capped at 300 ms
      expect(received).toHaveLength(3);
      expect(budget.takes).toBe(3);
    },
  );

  it('a retry the budget refuses is not made: the caller gets RATE_LIMITED, not the 503', async () => {
    handler = (_r, res) => json(res, 503, { success: false });
    const budget = new CountingBudget(1);
    const { upstream } = client({ retries: 2, budget });
    await expect(upstream.get(caller, '/workspaces')).rejects.toMatchObject({
      extensions: { code: 'RATE_LIMITED' },
    });
    expect(received).toHaveLength(1);
  });

  it.each(['POST', 'PUT', 'DELETE'] as const)('a %s answered 503 is sent exactly once', async (method) => {
    handler = (_r, res) => json(res, 503, { success: false });
    const { upstream } = client({ retries: 3 });
    await expect(upstream.send(caller, method, '/time-tracking/start', { body: {} })).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 503 },
    });
    expect(received).toHaveLength(1);
  });

  it('a GET answered 400 or 404 is not retried', async () => {
    const { upstream } = client({ retries: 3 });
    handler = (_r, res) => json(res, 404, { success: false, message: 'Member 5 not found' });
    await expect(upstream.get(caller, '/members/5')).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    handler = (_r, res) => json(res, 400, { success: false, message: 'workspace_id is required' });
    await expect(upstream.get(caller, '/members')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'workspaceId' },
    });
    expect(received).toHaveLength(2);
  });
});

describe('failures become GatewayErrors', () => {
  it('400 on a write names the mutation input field, from the message or the field errors', async () => {
    const { upstream } = client();
    handler = (_r, res) =>
      json(res, 422, { success: false, message: 'invalid', errors: { contract_id: ['bad'] } });
    await expect(upstream.send(caller, 'POST', '/x', { body: {} })).rejects.toMatchObject({
      message: 'WebWork rejected the request: invalid',
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.contractId', upstreamStatus: 422 },
    });
  });

  it('an error body without a message string gives the bare text', async () => {
    const { upstream } = client();
    handler = (_r, res) => json(res, 403, { success: false, message: 42 });
    await expect(upstream.get(caller, '/x')).rejects.toMatchObject({
      message: 'Not allowed by WebWork',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('an error answer whose body is not an object still maps by its status', async () => {
    const { upstream } = client();
    handler = (_r, res) => json(res, 502, null);
    await expect(upstream.get(caller, '/x')).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 502 },
    });
    handler = (_r, res) => json(res, 400, null);
    await expect(upstream.get(caller, '/x')).rejects.toMatchObject({
      message: 'WebWork rejected the request',
      extensions: { code: 'BAD_USER_INPUT', argument: 'input' },
    });
    // On a write, a 400 is WebWork's business rule (REFERENCE §5), not the input's shape.
    await expect(upstream.send(caller, 'POST', '/x', { body: {} })).rejects.toMatchObject({
      message: 'WebWork refused it',
      extensions: { code: 'UPSTREAM_REJECTED', argument: 'input' },
    });
    handler = (_r, res) => json(res, 422, { success: false, message: 'end must be after start' });
    await expect(upstream.send(caller, 'POST', '/x', { body: {} })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    handler = (_r, res) => json(res, 409, { success: false, message: 'already approved' });
    await expect(upstream.get(caller, '/x')).rejects.toMatchObject({
      message: 'WebWork refused it: already approved',
      extensions: { code: 'UPSTREAM_REJECTED' },
    });
  });

  it('429: RATE_LIMITED with the Retry-After, which also blocks the caller in the budget', async () => {
    const budget = new CountingBudget();
    const { upstream } = client({ budget });
    handler = (_r, res) => json(res, 429, { success: false, message: 'slow down' }, { 'retry-after': '17' });
    await expect(upstream.get(caller, '/x')).rejects.toMatchObject({
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 17 },
    });
    expect(budget.blocks).toEqual([17]);
  });

  it('429: the message names the limit WebWork announced in X-RateLimit-Limit, and none when it announced none', async () => {
    handler = (_r, res) =>
      json(res, 429, { success: false }, { 'retry-after': '5', 'x-ratelimit-limit': '25' });
    await expect(client().upstream.get(caller, '/x')).rejects.toMatchObject({
      message: 'WebWork rate limit reached (25 requests per minute for this token). Retry in 5 s.',
    });
    handler = (_r, res) => json(res, 429, { success: false }, { 'retry-after': '5' });
    await expect(client().upstream.get(caller, '/x')).rejects.toMatchObject({
      message: 'WebWork rate limit reached for this token. Retry in 5 s.',
    });
  });

  it('a 429 block holds for the next call of that caller, which is not sent', async () => {
    const budget = new MemoryRateBudget({ limit: 100 });
    const { upstream } = client({ budget });
    handler = (_r, res) => json(res, 429, { success: false }, { 'retry-after': '30' });
    await upstream.get(caller, '/x').catch(() => undefined);
    await expect(upstream.get(caller, '/x')).rejects.toMatchObject({
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 30 },
    });
    expect(received).toHaveLength(1);
  });

  it('5xx: UPSTREAM_UNAVAILABLE with a generic text, logged as a warning without the token', async () => {
    const { upstream, lines } = client();
    handler = (_r, res) => json(res, 500, { success: false, message: 'stack trace at /srv/app.php' });
    const error = await upstream.get(caller, '/members').catch((e: GatewayError) => e);
    expect(error).toMatchObject({
      message: 'WebWork answered with an error (HTTP 500); try again shortly.',
      extensions: { code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 500 },
    });
    const warnings = lines.filter((l) => l.level === WARN);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      msg: 'upstream error',
      status: 500,
      method: 'GET',
      path: '/members',
    });
    expect(JSON.stringify(lines)).not.toContain('tok-123');
  });

  it('4xx are the caller’s business: no warning', async () => {
    const { upstream, lines } = client();
    handler = (_r, res) => json(res, 404, { success: false });
    await upstream.get(caller, '/members/9').catch(() => undefined);
    expect(lines.filter((l) => l.level >= WARN)).toEqual([]);
  });

  it('no answer within the timeout: UPSTREAM_TIMEOUT naming the timeout, logged', async () => {
    const { upstream, lines } = client({ timeoutMs: 150 });
    handler = (_r, res) => setTimeout(() => json(res, 200, { success: true }), 1000);
    const error = await upstream.get(caller, '/slow').catch((e: GatewayError) => e);
    expect(error).toMatchObject({
      message: 'WebWork did not answer within 150 ms; try again shortly.',
      extensions: { code: 'UPSTREAM_TIMEOUT' },
    });
    const warnings = lines.filter((l) => l.level === WARN);
    expect(warnings).toEqual([
      expect.objectContaining({
        msg: 'upstream request failed',
        method: 'GET',
        path: '/slow',
        code: 'ETIMEDOUT',
      }),
    ]);
    expect(warnings[0]).toHaveProperty('caller', caller.scope.logId);
  });

  it('nobody listening: UPSTREAM_UNAVAILABLE, could not be reached', async () => {
    const port = await freePort();
    const { upstream, lines } = client({ url: `http://127.0.0.1:${port}` });
    await expect(upstream.get(caller, '/x')).rejects.toMatchObject({
      message: 'WebWork could not be reached; try again shortly.',
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
    expect(lines.filter((l) => l.level === WARN)).toHaveLength(1);
  });
});
