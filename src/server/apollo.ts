import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '../logging/logger.js';
import type { RequestContext } from './context.js';
import { createFormatError } from './format-error.js';
import { jitGateway } from './jit-executor.js';

/**
 * Apollo Server with the gateway's choices: errors formatted in one place, no stack traces,
 * introspection on (playground and codegen users need it; nothing in the schema is secret), and
 * the cache-control plugin off: the gateway caches upstream reads itself, and the plugin costs
 * about 30% of throughput (measured, see DESIGN.md). Execution is graphql-jit by default
 * (see jit-executor.ts); `graphql-js` is kept selectable to compare and to rule it out when debugging.
 */
export function createApollo(
  schema: GraphQLSchema,
  logger: Logger,
  executor: 'jit' | 'graphql-js' = 'jit',
): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    ...(executor === 'jit' ? { gateway: jitGateway(schema) } : { schema }),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError(logger),
    plugins: [ApolloServerPluginCacheControlDisabled()],
    logger: {
      debug: (message) => logger.debug(message),
      info: (message) => logger.info(message),
      warn: (message) => logger.warn(message),
      error: (message) => logger.error(message),
    },
  });
}
