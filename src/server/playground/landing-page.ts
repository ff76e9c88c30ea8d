import type { ApolloServerPlugin } from '@apollo/server';
import { ASSET_PREFIX, loadPlaygroundAssets, type PlaygroundAssets } from './assets.js';
import type { PlaygroundConfig } from './config.js';
import { DEFAULT_QUERY } from './default-query.js';

export interface PlaygroundOptions {
  /**
   * The default demo run (WEBWORK_API_URL unset: the embedded simulator): the header editor starts
   * with the simulator's owner token. Against a real WebWork it starts empty (no token to guess).
   */
  demo: boolean;
  /** The built bundles; default: dist/playground of this package. */
  assets?: PlaygroundAssets | undefined;
}

export const DEMO_HEADERS = { Authorization: 'Bearer demo-owner' };

/**
 * GraphiQL at GET /graphql for browsers, instead of Apollo's default landing page (whose assets all
 * come from a CDN, and which shows only an error offline or under NODE_ENV=production). Apollo
 * decides when the page is wanted (a GET whose Accept prefers text/html), so every GraphQL request
 * is handled exactly as without it; the page is the same under any NODE_ENV.
 */
export function playgroundLandingPage(options: PlaygroundOptions): ApolloServerPlugin {
  const assets = 'assets' in options ? options.assets : loadPlaygroundAssets();
  const html = assets ? playgroundHtml(assets, options.demo) : NOT_BUILT_HTML;
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}

/**
 * The page: the hashed bundles, and the config as JSON (never evaluated). A Content-Security-Policy
 * lets the page reach its own origin only, so a dependency that tried to fetch a font or report
 * telemetry would be refused (the browser test checks the requests actually made).
 */
export function playgroundHtml(assets: PlaygroundAssets, demo: boolean): string {
  const { app, workers } = assets.manifest;
  const config: PlaygroundConfig = {
    endpoint: '/graphql',
    headers: demo ? JSON.stringify(DEMO_HEADERS, null, 2) : '',
    query: DEFAULT_QUERY,
    workers: {
      editor: ASSET_PREFIX + workers.editor,
      json: ASSET_PREFIX + workers.json,
      graphql: ASSET_PREFIX + workers.graphql,
    },
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${CSP}" />
    <title>WebWork GraphQL gateway · playground</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${ASSET_PREFIX + app.css}" />
    <script type="module" src="${ASSET_PREFIX + app.js}"></script>
  </head>
  <body>
    <div id="playground">Loading the playground…</div>
    <script id="playground-config" type="application/json">${jsonForScript(config)}</script>
  </body>
</html>
`;
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Monaco and React set inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** JSON inside a script element: `<` escaped so no value can close the element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const NOT_BUILT_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>WebWork GraphQL gateway</title></head>
  <body>
    <h1>The playground is not built</h1>
    <p>Its bundles are made by <code>npm run build</code> (which <code>npm start</code> runs). GraphQL itself
    works: POST a query to this URL.</p>
  </body>
</html>
`;
