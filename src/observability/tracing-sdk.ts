import type { IncomingHttpHeaders } from 'node:http';
import { defaultTextMapGetter, ROOT_CONTEXT, SpanKind, trace, type Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import type { Tracing } from './tracing.js';

/** Loaded only when tracing is on (see tracing.ts). */

export async function otlpExporter(url: string): Promise<SpanExporter> {
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  return new OTLPTraceExporter({ url });
}

/**
 * A tracer provider of its own (not registered globally: the gateway passes parents explicitly,
 * through the request scope, so it needs no global context manager and leaves the globals to the
 * application embedding it). `processor: 'simple'` exports each span as it ends (tests).
 */
export function createTracing(options: {
  exporter: SpanExporter;
  serviceName?: string;
  processor?: 'batch' | 'simple';
}): Tracing {
  const processor =
    options.processor === 'simple'
      ? new SimpleSpanProcessor(options.exporter)
      : new BatchSpanProcessor(options.exporter);
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName ?? 'webwork-graphql-gateway' }),
    spanProcessors: [processor],
  });
  const tracer = provider.getTracer('webwork-graphql-gateway');
  const propagator = new W3CTraceContextPropagator();
  return {
    startOperation(request: { method?: string; headers: IncomingHttpHeaders }, requestId: string): Span {
      const parent = propagator.extract(ROOT_CONTEXT, request.headers, defaultTextMapGetter);
      return tracer.startSpan(
        'graphql',
        {
          kind: SpanKind.SERVER,
          attributes: {
            'http.request.method': request.method ?? 'GET',
            'url.path': '/graphql',
            'wwgw.request_id': requestId,
          },
        },
        parent,
      );
    },
    startUpstream(parent: Span, method: string, route: string, serverAddress: string): Span {
      return tracer.startSpan(
        `${method} ${route}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'http.request.method': method,
            'url.template': route,
            'server.address': serverAddress,
          },
        },
        trace.setSpan(ROOT_CONTEXT, parent),
      );
    },
    async shutdown() {
      await provider.shutdown();
    },
  };
}
