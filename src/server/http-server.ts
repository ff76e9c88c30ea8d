import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Logger } from '../logging/logger.js';
import type { RequestContext } from './context.js';
import {
  chooseEncoding,
  compress,
  entityTag,
  GRAPHQL_CACHE_CONTROL,
  GRAPHQL_VARY,
  ifNoneMatchMatches,
  statusForResponse,
} from './http-semantics.js';

export interface HttpServerOptions {
  apollo: ApolloServer<RequestContext>;
  contextFor: (request: IncomingMessage) => RequestContext;
  logger: Logger;
  /** Largest request body accepted (HTTP_MAX_BODY_BYTES); larger ones are answered 413 unread. */
  maxBodyBytes: number;
  /** Smallest response body compressed (HTTP_COMPRESSION_MIN_BYTES). */
  compressionMinBytes: number;
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
 *
 * Every GraphQL request goes through Apollo, whose HTTP checks (method, CSRF prevention, content
 * negotiation) come first; reused whole results are served from inside its pipeline
 * (whole-response-cache.ts). On Apollo's answer this layer adds, identically for fresh and reused
 * results: status 200 for request errors under `application/json` (GraphQL over HTTP), caching
 * headers (`Cache-Control`, `Vary`), an `ETag` on GET answers with `304` for a matching
 * `If-None-Match`, and gzip or brotli compression.
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
    const body =
      request.method === 'POST' ? await readBody(request, response, options.maxBodyBytes) : undefined;
    if (body === INVALID) return;
    const context = options.contextFor(request);

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: async () => context,
    });
    for (const [key, value] of result.headers) response.setHeader(key, value);
    // The landing page (playground/) names hashed bundles: always revalidate it.
    if (result.headers.get('content-type')?.startsWith('text/html'))
      response.setHeader('cache-control', 'no-cache');
    cors(response);
    if (!response.hasHeader('cache-control')) response.setHeader('cache-control', GRAPHQL_CACHE_CONTROL);
    response.setHeader('vary', GRAPHQL_VARY);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') return sendComplete(request, response, result.body.string);
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }

  async function sendComplete(request: IncomingMessage, response: ServerResponse, body: string) {
    const contentType = String(response.getHeader('content-type') ?? '');
    const succeeded = response.statusCode === 200; // before request errors become 200 below
    response.statusCode = statusForResponse(response.statusCode, contentType, body);
    if (request.method === 'GET' && succeeded) {
      const etag = entityTag(contentType, body);
      response.setHeader('etag', etag);
      if (ifNoneMatchMatches(request.headers['if-none-match'], etag)) {
        response.statusCode = 304;
        response.removeHeader('content-type');
        response.end();
        return;
      }
    }
    // `body.length` counts UTF-16 units, at most the UTF-8 bytes: close enough for a threshold.
    const encoding =
      body.length >= options.compressionMinBytes
        ? chooseEncoding(request.headers['accept-encoding'])
        : undefined;
    if (!encoding) {
      response.end(body); // node sets Content-Length
      return;
    }
    const compressed = await compress(encoding, Buffer.from(body, 'utf8'));
    response.setHeader('content-encoding', encoding);
    response.setHeader('content-length', compressed.length);
    response.end(compressed);
  }
}

const INVALID = Symbol('invalid body');

/**
 * The body Apollo gets: parsed JSON for `application/json` (the one request type GraphQL over
 * HTTP requires), the text as is for anything else (Apollo refuses it: CSRF prevention, or "invalid
 * Content-Type"). Only the media type's essence counts: `text/plain; foo=json` is text.
 */
async function readBody(
  request: IncomingMessage,
  response: ServerResponse,
  maxBytes: number,
): Promise<unknown> {
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
  const essence = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (essence !== 'application/json') return text;
  try {
    return JSON.parse(text) as unknown;
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
    'authorization, content-type, apollo-require-preflight, x-apollo-operation-name, if-none-match',
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
