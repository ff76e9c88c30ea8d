import type { ApolloServerOptions } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { QueryLimits } from '../../config/config.js';
import type { RequestContext } from '../context.js';
import { documentLimitsRule } from './document-limits.rule.js';
import { queryCostPlugin } from './query-cost.js';
import { stringArgumentsPlugin } from './string-arguments.plugin.js';
import { tokenLimitPlugin } from './token-limit.plugin.js';

/**
 * Bounded work per request, all checked before any resolver runs, cheapest first:
 * tokens while parsing (graphql's `maxTokens`), then depth, aliases and directives while validating
 * (graphql-armor rules), then string arguments and the cost estimate once the operation and its
 * variables are known. A refusal is one QUERY_TOO_COMPLEX (or BAD_USER_INPUT) error with HTTP 400.
 * Introspection is held to the same limits, whoever asks. The body size is bounded earlier, by the
 * HTTP server.
 */
export function queryLimits(
  schema: GraphQLSchema,
  limits: QueryLimits,
): Required<Pick<ApolloServerOptions<RequestContext>, 'parseOptions' | 'validationRules' | 'plugins'>> {
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [documentLimitsRule(limits)],
    plugins: [
      tokenLimitPlugin(limits.maxTokens),
      stringArgumentsPlugin(schema, limits.maxStringLength),
      queryCostPlugin(schema, limits.maxCost),
    ],
  };
}
