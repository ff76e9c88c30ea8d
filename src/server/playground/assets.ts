import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** URL path under which the playground's built files are served (hashed names, cached for a year). */
export const ASSET_PREFIX = '/playground/';

/** What build-assets.ts writes next to the bundles (manifest.json); names are relative to the folder. */
export interface PlaygroundManifest {
  app: { js: string; css: string };
  workers: { editor: string; json: string; graphql: string };
  /** Every file the page may load (entries, split chunks, fonts, workers). */
  files: string[];
}

export interface PlaygroundAssets {
  dir: string;
  manifest: PlaygroundManifest;
}

/**
 * The package root: the nearest folder above `from` with a package.json. The same answer whether the
 * code runs compiled (dist/src/server/playground) or from source under ts-jest (src/server/playground).
 */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** Where `npm run build` puts the bundles. */
export function assetsDir(): string {
  return join(packageRoot(), 'dist', 'playground');
}

/** The built playground, or undefined when `npm run build` has not produced it (the page then says so). */
export function loadPlaygroundAssets(dir: string = assetsDir()): PlaygroundAssets | undefined {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) return undefined;
  return { dir, manifest: JSON.parse(readFileSync(file, 'utf8')) as PlaygroundManifest };
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
}
