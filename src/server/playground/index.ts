/**
 * The offline playground: GraphiQL 5 + explorer, bundled at build time (build-assets.ts), served
 * from the gateway's own origin: the page at GET /graphql for browsers (landing-page.ts, an Apollo
 * landing-page plugin) and its files under /playground/ (routes.ts).
 */
export { playgroundLandingPage, type PlaygroundOptions } from './landing-page.js';
export { playgroundRoutes } from './routes.js';
