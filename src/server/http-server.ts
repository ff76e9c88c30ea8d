import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Logger } from '../logging/logger.js';
import type { RequestContext } from './context.js';
import type { WholeResponseCache } from './whole-response-cache.js';

export interface HttpServerOptions {
  apollo: ApolloServer<RequestContext>;
  contextFor: (request: IncomingMessage) => RequestContext;
  /** Reuse of whole responses for identical requests by the same caller (see whole-response-cache.ts). */
  wholeResponses?: WholeResponseCache;
  logger: Logger;
  /** Largest request body accepted (HTTP_MAX_BODY_BYTES); larger ones are answered 413 unread. */
  maxBodyBytes: number;
  /** Extra plain-HTTP routes (health, metrics later). */
  routes?: Record<string, (request: IncomingMessage, response: ServerResponse) => void | Promise<void>>;
  /**
   * Runs around the handling of every request (request id, metrics, tracing, draining: see
   * src/observability); `handle` serves the request. Default: `handle()` alone.
   */
  around?: (request: IncomingMessage, response: ServerResponse, handle: () => Promise<void>) => Promise<void>;
}

/**
 * Apollo on plain `node:http` through Apollo's documented integration API
 * (`executeHTTPGraphQLRequest`): no web framework between the socket and GraphQL, which is the
 * fastest integration measured here. GraphQL is served at `/graphql` (GET for queries and the
 * landing page, POST for everything).
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const { apollo, logger } = options;
  return createServer((request, response) => {
    const serve = () => handle(request, response);
    void (options.around ? options.around(request, response, serve) : serve()).catch((error: unknown) => {
      logger.error({ err: error }, 'http handler failed');
      if (!response.headersSent)
        sendJson(response, 500, {
          errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        });
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'OPTIONS') return preflight(response);
    const route = options.routes?.[url.pathname];
    if (route) return route(request, response);
    if (url.pathname !== '/graphql' && url.pathname !== '/graphql/') {
      return sendJson(response, 404, { error: `Not found: GraphQL is served at /graphql` });
    }
    const raw =
      request.method === 'POST' ? await readJsonBody(request, response, options.maxBodyBytes) : undefined;
    if (raw === INVALID) return;
    const context = options.contextFor(request);
    const reads = context.maybeCaller?.reads;
    const reuseKey =
      options.wholeResponses && raw?.text && reads && context.maybeCaller
        ? options.wholeResponses.key(context.maybeCaller.scope, raw.text)
        : undefined;
    const reused = reuseKey === undefined ? undefined : options.wholeResponses!.get(reuseKey);
    if (reused !== undefined) {
      response.setHeader('x-gateway-cache', 'hit');
      return sendRaw(response, 200, reused);
    }
    const startedAt = Date.now();

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body: raw?.parsed },
      context: async () => context,
    });
    for (const [key, value] of result.headers) response.setHeader(key, value);
    cors(response);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      if (reuseKey !== undefined && reads && response.statusCode === 200) {
        options.wholeResponses!.offer(reuseKey, startedAt, reads, result.body.string);
      }
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }
}

const INVALID = Symbol('invalid body');

async function readJsonBody(
  request: IncomingMessage,
  response: ServerResponse,
  maxBytes: number,
): Promise<{ text: string; parsed: unknown } | typeof INVALID | undefined> {
  const declared = Number(request.headers['content-length']);
  if (declared > maxBytes) return tooLarge(request, response, maxBytes, `${declared} bytes`, declared);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return tooLarge(request, response, maxBytes, `at least ${size} bytes`, size);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  const type = request.headers['content-type'] ?? '';
  // Not JSON: Apollo answers with its own message (e.g. it requires a JSON content type); never reused.
  if (!type.includes('json')) return { text: '', parsed: text };
  try {
    return { text, parsed: JSON.parse(text) };
  } catch {
    sendJson(response, 400, {
      errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
    return INVALID;
  }
}

/**
 * 413 with a GraphQL error, without reading (or buffering) the rest of the body; the connection is
 * closed after the answer so the unread bytes cannot be taken for the next request.
 */
function tooLarge(
  request: IncomingMessage,
  response: ServerResponse,
  maxBytes: number,
  size: string,
  measured: number,
): typeof INVALID {
  response.setHeader('connection', 'close');
  sendJson(response, 413, {
    errors: [
      {
        message: `The request body is ${size}, over the limit of ${maxBytes} bytes (HTTP_MAX_BODY_BYTES). Send a smaller query or smaller variables.`,
        extensions: { code: 'BAD_REQUEST', limit: 'bodyBytes', maximum: maxBytes, measured },
      },
    ],
  });
  request.resume();
  return INVALID;
}

/**
 * Browser front ends on other origins may call the gateway with their bearer token. Credentials
 * (cookies) are not used, so a wildcard origin is safe here; session auth will narrow this.
 */
function cors(response: ServerResponse): void {
  response.setHeader('access-control-allow-origin', '*');
}

function preflight(response: ServerResponse): void {
  cors(response);
  response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  response.setHeader(
    'access-control-allow-headers',
    'authorization, content-type, apollo-require-preflight, x-apollo-operation-name',
  );
  response.setHeader('access-control-max-age', '600');
  response.statusCode = 204;
  response.end();
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  sendRaw(response, status, JSON.stringify(body));
}

function sendRaw(response: ServerResponse, status: number, json: string): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  cors(response);
  response.end(json);
}
