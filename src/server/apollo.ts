import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { QueryLimits } from '../config/config.js';
import type { Logger } from '../logging/logger.js';
import type { RequestContext } from './context.js';
import { createFormatError } from './format-error.js';
import { queryLimits } from './limits/limits.js';
import { playgroundLandingPage, type PlaygroundOptions } from './playground/index.js';
import { serialMutationsPlugin } from './serial-mutations.plugin.js';

/**
 * Apollo Server with the gateway's choices: errors formatted in one place, no stack traces,
 * introspection on (playground and codegen users need it; nothing in the schema is secret) within
 * the same limits as any query, every request's work bounded before execution (limits/), and
 * the cache-control plugin off: the gateway caches upstream reads itself, and the plugin costs
 * about 30% of throughput (measured, see DESIGN.md). Execution is graphql-js, the only executor
 * (README "How it works" says why graphql-jit was removed).
 */
export function createApollo(
  schema: GraphQLSchema,
  logger: Logger,
  limits: QueryLimits,
  /** The landing page for browsers at GET /graphql: the bundled GraphiQL (playground/). */
  playground: PlaygroundOptions = { demo: false },
): ApolloServer<RequestContext> {
  const bounded = queryLimits(schema, limits);
  return new ApolloServer<RequestContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError(logger),
    parseOptions: bounded.parseOptions,
    validationRules: bounded.validationRules,
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ...bounded.plugins,
      serialMutationsPlugin(),
      playgroundLandingPage(playground),
    ],
    logger: {
      debug: (message) => logger.debug(message),
      info: (message) => logger.info(message),
      warn: (message) => logger.warn(message),
      error: (message) => logger.error(message),
    },
  });
}
