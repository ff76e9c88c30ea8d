import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * The HTTP semantics the gateway adds to Apollo's answers (see http-server.ts): the status of
 * request errors, caching headers, entity tags and compression. Pure functions, tested alone.
 */

/** On every GraphQL response: answers are per caller and must be revalidated before reuse. */
export const GRAPHQL_CACHE_CONTROL = 'private, no-cache';
/** What the answer depends on besides the URL: the caller, the negotiated type and the encoding. */
export const GRAPHQL_VARY = 'Authorization, Accept, Accept-Encoding';

/**
 * Error codes of request errors: the request was a well-formed GraphQL-over-HTTP request, but the
 * operation was refused before execution (no `data`). Per the GraphQL-over-HTTP spec, an
 * `application/json` response to it SHOULD be 200 (the client reads `errors`), while an
 * `application/graphql-response+json` one is 4xx. Apollo answers 400 for both; malformed HTTP
 * requests (BAD_REQUEST: no query, bad JSON, CSRF, a wrong persisted-query hash) stay 400.
 */
export const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  'PERSISTED_QUERY_NOT_IN_LIST',
]);

/** The status to send for Apollo's `status` and body: 200 for request errors under application/json. */
export function statusForResponse(status: number, contentType: string, body: string): number {
  if (status !== 400 || !/^application\/json\s*(;|$)/i.test(contentType)) return status;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return status;
  }
  if (typeof parsed !== 'object' || parsed === null || 'data' in parsed) return status;
  const errors = (parsed as { errors?: unknown }).errors;
  const requestErrors =
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((error: { extensions?: { code?: unknown } } | null) =>
      REQUEST_ERROR_CODES.has(String(error?.extensions?.code)),
    );
  return requestErrors ? 200 : status;
}

/**
 * A weak entity tag of a response: SHA-1 of its content type and body. Weak because the same
 * entity is sent gzip, brotli or identity (RFC 9110 §8.8.1); `If-None-Match` uses weak comparison.
 */
export function entityTag(contentType: string, body: string): string {
  return `W/"${createHash('sha1').update(contentType).update('\n').update(body).digest('base64url')}"`;
}

/** Whether an `If-None-Match` header matches `etag` (weak comparison, `*` matches any). */
export function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

export type ContentEncoding = 'br' | 'gzip';

/**
 * The encoding to send for an `Accept-Encoding` header: brotli or gzip, whichever has the higher
 * q-value (brotli on a tie: smaller for the same CPU at the quality used), `*` standing for any not
 * named; none when neither is acceptable.
 */
export function chooseEncoding(header: string | undefined): ContentEncoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: ContentEncoding) => weights.get(name) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gz = weightOf('gzip');
  if (br <= 0 && gz <= 0) return undefined;
  return br >= gz ? 'br' : 'gzip';
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compresses off the event loop (zlib's thread pool). Brotli at quality 4, not its default 11: on
 * the 46 KB dashboard answer, 11 takes ~106 ms for 4.3 KB, 4 takes ~1.4 ms for 5.4 KB, already
 * smaller than gzip's default level 6 (used for gzip: ~1.6 ms, 5.6 KB).
 */
export function compress(encoding: ContentEncoding, body: Buffer): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 4,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipAsync(body);
}
