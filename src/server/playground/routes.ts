import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { ASSET_PREFIX, contentType, loadPlaygroundAssets, type PlaygroundAssets } from './assets.js';

type Route = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * One exact route per built file (`/playground/<hashed name>`), from the manifest: nothing else on
 * disk can be reached, and no path is parsed. The names change with the content, so a year-long
 * immutable cache is safe; the page that names them is served with no-cache. Text files go out
 * brotli- or gzip-compressed when the browser accepts it (compressed at build time).
 */
export function playgroundRoutes(
  assets: PlaygroundAssets | undefined = loadPlaygroundAssets(),
): Record<string, Route> {
  const routes: Record<string, Route> = {};
  for (const name of assets?.manifest.files ?? []) {
    const file = join(assets!.dir, name);
    const encodings = ENCODINGS.filter((encoding) => existsSync(file + encoding.suffix));
    routes[ASSET_PREFIX + name] = (request, response) => serveFile(request, response, file, encodings);
  }
  return routes;
}

/** Precompressed copies written by build-assets.ts, best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number];

/** The first of `available` that the request's Accept-Encoding allows (q=0 refuses). */
export function chooseEncoding(
  header: string | undefined,
  available: readonly Encoding[],
): Encoding | undefined {
  const accepted = new Set<string>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [token, ...params] = part.split(';').map((piece) => piece.trim());
    const q = params.find((param) => param.startsWith('q='));
    if (token && !(q && Number(q.slice(2)) === 0)) accepted.add(token);
  }
  return available.find((encoding) => accepted.has(encoding.name) || accepted.has('*'));
}

function serveFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  encodings: readonly Encoding[],
): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    response.end('Method not allowed\n');
    return;
  }
  const encoding = chooseEncoding(request.headers['accept-encoding'], encodings);
  const sent = encoding ? file + encoding.suffix : file;
  let size: number;
  try {
    size = statSync(sent).size;
  } catch {
    // Rebuilt under a running gateway: the old names are gone.
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    response.end('Not found: reload the page\n');
    return;
  }
  response.writeHead(200, {
    'content-type': contentType(file),
    'content-length': size,
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
    ...(encodings.length ? { vary: 'accept-encoding' } : {}),
    ...(encoding ? { 'content-encoding': encoding.name } : {}),
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(sent)
    .on('error', () => response.destroy())
    .pipe(response);
}
