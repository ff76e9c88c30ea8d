/**
 * The playground page: GraphiQL 5 with the explorer plugin, bundled by build-assets.ts and served
 * from the gateway's own origin (landing-page.ts). Everything it needs comes from that origin: the
 * gateway renders the page with a JSON config (endpoint, default headers and query, and the hashed
 * URLs of Monaco's web workers); the one URL it derives is the WebSocket twin of the endpoint.
 */
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './page.css';
import type { PlaygroundConfig } from '../config.js';

const config = JSON.parse(document.getElementById('playground-config')!.textContent!) as PlaygroundConfig;

// Monaco runs its language services in web workers; they are separate bundles with hashed names.
window.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    const url = label === 'json' || label === 'graphql' ? config.workers[label] : config.workers.editor;
    return new Worker(url, { name: label });
  },
};

const endpoint = new URL(config.endpoint, window.location.href);
// Subscriptions go over graphql-ws on the same path; GraphiQL spreads the header editor's headers
// into the connection_init payload, so the token typed there ({"Authorization": "Bearer …"})
// authenticates the WebSocket as it does HTTP requests.
const subscriptionUrl = new URL(endpoint);
subscriptionUrl.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';
const fetcher = createGraphiQLFetcher({ url: endpoint.href, subscriptionUrl: subscriptionUrl.href });
// The docs are GraphiQL's reference plugin (always there); history is a default we keep.
const plugins = [HISTORY_PLUGIN, explorerPlugin()];

createRoot(document.getElementById('playground')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      plugins={plugins}
      defaultQuery={config.query}
      defaultHeaders={config.headers}
      defaultEditorToolsVisibility="headers"
    />
  </StrictMode>,
);
