import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent: not decompressed (unlike fetch). */
  body: Buffer;
  /** `body` as UTF-8 text. */
  text: string;
}

/**
 * One HTTP request with exactly the headers given (fetch adds `accept`, `accept-encoding` and
 * decompresses), for tests of HTTP semantics: negotiation, compression, caching headers.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, headers: res.headers, body, text: body.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** `/graphql?query=…&variables=…` for a GET request. */
export function getUrl(base: string, query: string, variables?: Record<string, unknown>): string {
  const url = new URL(`${base}/graphql`);
  url.searchParams.set('query', query);
  if (variables) url.searchParams.set('variables', JSON.stringify(variables));
  return url.toString();
}
