import { createHash } from 'node:crypto';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { loadConfig } from '../../src/config/config.js';
import { createTracing } from '../../src/observability/tracing-sdk.js';
import { tracingFromConfig } from '../../src/observability/tracing.js';
import { configureSimulator, startStack, type Stack } from '../support/gateway-harness.js';

/**
 * Tracing on (an in-memory exporter in place of OTLP): one SERVER span per GraphQL request and one
 * CLIENT span per upstream call, child of it, with attributes that never hold the caller's token.
 */
const TOKEN = 'demo-manager';
const sha256 = createHash('sha256').update(TOKEN).digest('hex');

const parentId = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe('tracing', () => {
  const exporter = new InMemorySpanExporter();
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      tracing: createTracing({ exporter, processor: 'simple' }),
      env: { CACHE_RESPONSES_MAX_MB: '0', UPSTREAM_RETRIES: '1' },
    });
  });
  afterAll(() => stack.close());
  beforeEach(() => exporter.reset());

  it('one span per operation, one child span per upstream call, with their attributes', async () => {
    await stack.resetUpstreamStats();
    const response = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${TOKEN}`,
        'x-request-id': 'trace-test-1',
      },
      body: JSON.stringify({
        query:
          'query Team($ws: Int!) { workspace(workspaceId: $ws) { name members(first: 3) { totalCount } } }',
        variables: { ws: 1 },
      }),
    });
    expect(response.status).toBe(200);
    const spans = exporter.getFinishedSpans();
    const operations = spans.filter((span) => span.kind === SpanKind.SERVER);
    expect(operations).toHaveLength(1);
    const operation = operations[0]!;
    expect(operation.name).toBe('query Team');
    expect(operation.attributes).toMatchObject({
      'graphql.operation.name': 'Team',
      'graphql.operation.type': 'query',
      'http.request.method': 'POST',
      'http.response.status_code': 200,
      'wwgw.request_id': 'trace-test-1',
      'wwgw.outcome': 'ok',
    });
    expect(operation.status.code).not.toBe(SpanStatusCode.ERROR);
    expect(parentId(operation)).toBeUndefined();

    // Each call the simulator received is one client span, a child of the operation's span.
    const upstream = spans.filter((span) => span.kind === SpanKind.CLIENT);
    const stats = await stack.upstreamStats();
    expect(stats.total).toBeGreaterThanOrEqual(2);
    expect(upstream).toHaveLength(stats.total);
    for (const span of upstream) {
      expect(span.spanContext().traceId).toBe(operation.spanContext().traceId);
      expect(parentId(span)).toBe(operation.spanContext().spanId);
      expect(span.attributes).toMatchObject({
        'http.request.method': 'GET',
        'http.response.status_code': 200,
        'server.address': '127.0.0.1',
      });
      expect(span.name).toBe(`GET ${String(span.attributes['url.template'])}`);
      // The upstream span lies within the operation's.
      expect(span.startTime[0] * 1e9 + span.startTime[1]).toBeGreaterThanOrEqual(
        operation.startTime[0] * 1e9 + operation.startTime[1],
      );
    }
    expect(upstream.map((span) => span.attributes['url.template']).sort()).toEqual(
      Object.entries(stats.byRoute)
        .flatMap(([route, count]) => Array(count).fill(route.split(' ')[1]!.replace(/\{[^}]+\}/g, ':id')))
        .sort(),
    );

    // No token, nor its hash, in any attribute, event or name.
    const text = JSON.stringify(
      spans.map((span) => ({ name: span.name, attributes: span.attributes, events: span.events })),
    );
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(sha256.slice(0, 8));
    expect(text).not.toMatch(/bearer/i);
  });

  it('continues the trace of an incoming traceparent', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${TOKEN}`,
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const [operation] = exporter.getFinishedSpans();
    expect(operation!.spanContext().traceId).toBe(traceId);
    expect(parentId(operation!)).toBe('00f067aa0ba902b7');
  });

  it('a failed upstream call: an error span with its retry as an event; the operation is partial', async () => {
    await configureSimulator(stack.sim, { failRate: 1, faultPathPattern: '^/api/v2/contracts' });
    try {
      const result = await stack.gql(
        'query Deals { workspace(workspaceId: 1) { contracts(first: 1) { totalCount } } }',
        {},
        TOKEN,
      );
      expect(result.errors).toBeDefined();
    } finally {
      await configureSimulator(stack.sim, { failRate: 0, faultPathPattern: '' });
    }
    const spans = exporter.getFinishedSpans();
    const operation = spans.find((span) => span.kind === SpanKind.SERVER)!;
    expect(operation.attributes['wwgw.outcome']).toBe('partial');
    const failed = spans.find((span) => span.attributes['url.template'] === '/contracts')!;
    expect(parentId(failed)).toBe(operation.spanContext().spanId);
    expect(failed.status.code).toBe(SpanStatusCode.ERROR);
    expect(failed.attributes).toMatchObject({
      'http.response.status_code': 500,
      'http.request.resend_count': 1,
    });
    expect(failed.events.map((event) => event.name)).toEqual(['retry']);
  });

  it('no spans for /metrics, /healthz or /readyz', async () => {
    for (const path of ['/metrics', '/healthz', '/readyz']) await fetch(`${stack.gateway.url}${path}`);
    expect(exporter.getFinishedSpans()).toHaveLength(0);
  });
});

describe('tracing configuration', () => {
  it('is off by default: no tracer at all', async () => {
    expect(loadConfig({}).operations.tracing).toBe('off');
    expect(await tracingFromConfig(loadConfig({}).operations)).toBeUndefined();
    const stack = await startStack();
    try {
      expect(stack.gateway.observability.tracing).toBeUndefined();
    } finally {
      await stack.close();
    }
  });

  it('is on with TRACING=otlp or an OTLP endpoint, and TRACING=off wins', () => {
    expect(loadConfig({ TRACING: 'otlp' }).operations).toMatchObject({
      tracing: 'otlp',
      otlpTracesUrl: 'http://localhost:4318/v1/traces',
    });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).operations).toMatchObject({
      tracing: 'otlp',
      otlpTracesUrl: 'http://collector:4318/v1/traces',
    });
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otel.example/traces' }).operations,
    ).toMatchObject({ tracing: 'otlp', otlpTracesUrl: 'https://otel.example/traces' });
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', TRACING: 'off' }).operations.tracing,
    ).toBe('off');
    expect(() => loadConfig({ TRACING: 'jaeger' })).toThrow(/TRACING must be one of off, otlp/);
  });

  it('TRACING=otlp exports over OTLP/HTTP to the configured URL', async () => {
    const { createServer } = await import('node:http');
    const received: { url?: string; type?: string; bytes: number }[] = [];
    const collector = createServer((request, response) => {
      let bytes = 0;
      request.on('data', (chunk: Buffer) => (bytes += chunk.length));
      request.on('end', () => {
        received.push({ url: request.url, type: request.headers['content-type'], bytes });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const port = (collector.address() as { port: number }).port;
    try {
      const tracing = await tracingFromConfig(
        loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` }).operations,
      );
      const stack = await startStack({ tracing });
      try {
        await stack.gql('{ workspace(workspaceId: 1) { name } }');
      } finally {
        await stack.close(); // flushes the batch
      }
      expect(received.length).toBeGreaterThanOrEqual(1);
      expect(received[0]).toMatchObject({ url: '/v1/traces' });
      expect(received[0]!.bytes).toBeGreaterThan(0);
    } finally {
      collector.close();
    }
  });
});
