import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { QueryLimits } from '../config/config.js';
import type { Logger } from '../logging/logger.js';
import type { RequestContext } from './context.js';
import { createFormatError } from './format-error.js';
import { queryLimits } from './limits/limits.js';
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
  /** More plugins, after the gateway's own (e.g. observability's). */
  extraPlugins: ApolloServerPlugin<RequestContext>[] = [],
): ApolloServer<RequestContext> {
  const bounded = queryLimits(schema, limits);
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
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ...bounded.plugins,
      serialMutationsPlugin(),
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
