import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { ASSET_PREFIX, contentType, loadPlaygroundAssets, type PlaygroundAssets } from './assets.js';

type Route = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * One exact route per built file (`/playground/<hashed name>`), from the manifest: nothing else on
 * disk can be reached, and no path is parsed. The names change with the content, so a year-long
 * immutable cache is safe; the page that names them is served with no-cache.
 */
export function playgroundRoutes(
  assets: PlaygroundAssets | undefined = loadPlaygroundAssets(),
): Record<string, Route> {
  const routes: Record<string, Route> = {};
  for (const name of assets?.manifest.files ?? []) {
    const file = join(assets!.dir, name);
    routes[ASSET_PREFIX + name] = (request, response) => serveFile(request, response, file);
  }
  return routes;
}

function serveFile(request: IncomingMessage, response: ServerResponse, file: string): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    response.end('Method not allowed\n');
    return;
  }
  let size: number;
  try {
    size = statSync(file).size;
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
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}
