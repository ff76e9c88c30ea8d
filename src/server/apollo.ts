import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { QueryLimits } from '../config/config.js';
import type { Logger } from '../logging/logger.js';
import type { RequestContext } from './context.js';
import { createFormatError } from './format-error.js';
import { queryLimits } from './limits/limits.js';
import { trustedDocumentsPlugin, type TrustedDocuments } from './persisted-queries.js';
import { playgroundLandingPage, type PlaygroundOptions } from './playground/index.js';
import { serialMutationsPlugin } from './serial-mutations.plugin.js';
import { wholeResponsePlugin, type WholeResponseCache } from './whole-response-cache.js';

/** HTTP-level choices of the gateway's Apollo (see README "HTTP"). */
export interface ApolloHttpOptions {
  /** Where automatic persisted queries are registered (shared through Redis when configured). */
  persistedQueries?: { cache: KeyValueCache<string>; ttlSeconds: number };
  /** Trusted-documents mode: only these operations run. */
  trustedDocuments?: TrustedDocuments;
  /** Reuse of whole results (in the pipeline, after Apollo's HTTP checks). */
  wholeResponses?: WholeResponseCache;
  /** The landing page for browsers at GET /graphql: the bundled GraphiQL (playground/). */
  playground?: PlaygroundOptions;
}

/**
 * CSRF prevention: a request without a JSON content type (a GET, or a "simple" POST) must carry one
 * of these headers, which a browser cannot send cross-site without a CORS preflight. Apollo's two,
 * plus `authorization`: every request that reads data carries the caller's bearer token, so urql's
 * and other clients' plain GETs pass, while a forged cross-site form or image request cannot.
 */
export const CSRF_PREVENTION_HEADERS = [
  'x-apollo-operation-name',
  'apollo-require-preflight',
  'authorization',
];

/**
 * Apollo Server with the gateway's choices: errors formatted in one place, no stack traces,
 * introspection on (playground and codegen users need it; nothing in the schema is secret) within
 * the same limits as any query, every request's work bounded before execution (limits/), and
 * the cache-control plugin off: the gateway caches upstream reads itself, and the plugin costs
 * about 30% of throughput (measured, see DESIGN.md). CSRF prevention also accepts `authorization`
 * (below); persisted queries are registered in `http.persistedQueries` (Apollo's in-memory
 * default without it) or, in trusted-documents mode, come from the manifest only. Execution is
 * graphql-js, the only executor (README "How it works" says why graphql-jit was removed).
 */
export function createApollo(
  schema: GraphQLSchema,
  logger: Logger,
  limits: QueryLimits,
  http: ApolloHttpOptions = {},
  /** More plugins, after the gateway's own (e.g. observability's). */
  extraPlugins: ApolloServerPlugin<RequestContext>[] = [],
): ApolloServer<RequestContext> {
  const bounded = queryLimits(schema, limits);
  const httpPlugins: ApolloServerPlugin<RequestContext>[] = [
    ...(http.trustedDocuments ? [trustedDocumentsPlugin(http.trustedDocuments)] : []),
    ...(http.wholeResponses ? [wholeResponsePlugin(http.wholeResponses)] : []),
  ];
  return new ApolloServer<RequestContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // The gateway owns SIGTERM/SIGINT (main.ts drains requests first); Apollo's own handler would
    // stop Apollo under the requests in flight and re-raise the signal, killing the process.
    stopOnTerminationSignals: false,
    formatError: createFormatError(logger),
    parseOptions: bounded.parseOptions,
    validationRules: bounded.validationRules,
    csrfPrevention: { requestHeaders: CSRF_PREVENTION_HEADERS },
    // Apollo's own serialisation, which hands back the kept text of a reused result.
    stringifyResult: http.wholeResponses?.stringifyResult,
    persistedQueries: http.persistedQueries
      ? { cache: http.persistedQueries.cache, ttl: http.persistedQueries.ttlSeconds }
      : undefined,
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ...httpPlugins,
      ...bounded.plugins,
      serialMutationsPlugin(),
      playgroundLandingPage(http.playground ?? { demo: false }),
      ...extraPlugins,
    ],
    logger: {
      debug: (message) => logger.debug(message),
      info: (message) => logger.info(message),
      warn: (message) => logger.warn(message),
      error: (message) => logger.error(message),
    },
  });
}
