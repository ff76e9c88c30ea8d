/**
 * Bundles the playground (client/main.tsx: GraphiQL 5, its explorer plugin, React, Monaco and
 * Monaco's three web workers) into dist/playground with esbuild. Run by `npm run build` after tsc:
 * `node dist/src/server/playground/build-assets.js`.
 *
 * Every output has a content hash in its name, so the gateway serves them with a year-long cache
 * (routes.ts); manifest.json maps the logical names (app, workers) to the hashed files for the page.
 * Fonts stay inline (GraphiQL's CSS embeds them as data: URLs), so the page needs nothing from
 * another origin.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { assetsDir, packageRoot, type PlaygroundManifest } from './assets.js';

const root = packageRoot();
const outdir = assetsDir();
const require = createRequire(join(root, 'package.json'));

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  minify: true,
  outdir,
  target: ['es2022', 'chrome111', 'firefox115', 'safari16'],
  define: { 'process.env.NODE_ENV': '"production"' },
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  assetNames: '[name]-[hash]',
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
};

async function main(): Promise<void> {
  const started = Date.now();
  rmSync(outdir, { recursive: true, force: true });
  const [app, workers] = await Promise.all([
    build({
      ...common,
      entryPoints: { app: join(root, 'src/server/playground/client/main.tsx') },
      // Monaco is imported lazily by GraphiQL; splitting keeps it a chunk of its own.
      format: 'esm',
      splitting: true,
      jsx: 'automatic',
      // GraphiQL's prettify imports prettier's legacy `parser-*` paths, which point at UMD files; their
      // parsers are lost in esbuild's CommonJS interop ("Couldn't resolve parser"). The ES module
      // plugins they stand for export the same parsers.
      alias: {
        'prettier/parser-graphql': 'prettier/plugins/graphql',
        'prettier/parser-babel': 'prettier/plugins/babel',
      },
    }),
    build({
      ...common,
      entryPoints: {
        'editor.worker': require.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
        'json.worker': require.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
        'graphql.worker': require.resolve('monaco-graphql/esm/graphql.worker.js'),
      },
      // Classic workers: `new Worker(url)` works in every browser GraphiQL supports.
      format: 'iife',
    }),
  ]);
  const outputs = { ...app.metafile!.outputs, ...workers.metafile!.outputs };
  const entry = (name: string): string => {
    const found = Object.keys(outputs).find(
      (file) => basename(file).startsWith(`${name}-`) && file.endsWith('.js'),
    );
    if (!found) throw new Error(`esbuild produced no output for entry ${name}`);
    return basename(found);
  };
  // Dynamically imported modules are entry points too in esbuild's metafile: find the app by name.
  const appJs = entry('app');
  const appCss = app.metafile!.outputs[relative(root, join(outdir, appJs))]?.cssBundle;
  if (!appCss) throw new Error('esbuild produced no CSS bundle for the playground');
  const manifest: PlaygroundManifest = {
    app: { js: appJs, css: basename(appCss) },
    workers: {
      editor: entry('editor.worker'),
      json: entry('json.worker'),
      graphql: entry('graphql.worker'),
    },
    files: Object.keys(outputs)
      .map((file) => relative(outdir, join(root, file)))
      .filter((file) => !file.includes('/'))
      .sort(),
  };
  writeFileSync(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const file of manifest.files) precompress(join(outdir, file));
  const bytes = Object.values(outputs).reduce((sum, output) => sum + output.bytes, 0);
  process.stdout.write(
    `playground: ${manifest.files.length} files, ${(bytes / 1_048_576).toFixed(1)} MB in ${relative(root, outdir)} (${Date.now() - started} ms)\n`,
  );
}

/**
 * `<file>.br` and `<file>.gz` beside each text file (routes.ts sends one when the browser accepts
 * it): the bundles are 7 MB raw, 2 MB with brotli. Compressed once here, never per request.
 */
function precompress(file: string): void {
  if (!['.js', '.css', '.ttf', '.txt'].includes(extname(file))) return;
  const raw = readFileSync(file);
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }),
  );
  writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
}

main().catch((error: unknown) => {
  process.stderr.write(`playground build failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
