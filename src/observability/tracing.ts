import type { IncomingHttpHeaders } from 'node:http';
import type { Span } from '@opentelemetry/api';
import type { OperationsConfig } from '../config/config.js';

/**
 * OpenTelemetry tracing of the gateway: one SERVER span per GraphQL request, and one CLIENT span per
 * upstream call, child of the request's span. Off by default: then no SDK module is even loaded and
 * nothing on the request path creates a span (the `Tracing` is undefined).
 */
export interface Tracing {
  /** The span of one GraphQL request; continues the client's trace when it sent a `traceparent`. */
  startOperation(request: { method?: string; headers: IncomingHttpHeaders }, requestId: string): Span;
  /** The span of one upstream call, a child of `parent`. */
  startUpstream(parent: Span, method: string, route: string, serverAddress: string): Span;
  /** Exports what is buffered, then stops. */
  shutdown(): Promise<void>;
}

/** TRACING=otlp: spans batched and POSTed over OTLP/HTTP; TRACING=off: undefined, nothing loaded. */
export async function tracingFromConfig(config: OperationsConfig): Promise<Tracing | undefined> {
  if (config.tracing === 'off') return undefined;
  const { createTracing, otlpExporter } = await import('./tracing-sdk.js');
  return createTracing({
    exporter: await otlpExporter(config.otlpTracesUrl),
    serviceName: config.serviceName,
    processor: 'batch',
  });
}
