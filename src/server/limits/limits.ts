import type { ApolloServerOptions } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { QueryLimits } from '../../config/config.js';
import type { RequestContext } from '../context.js';
import { documentLimitsRule } from './document-limits.rule.js';
import { nodeIdsPlugin } from './node-ids.js';
import { pageSizePlugin, pageSizeRule } from './page-size.js';
import { queryCostPlugin } from './query-cost.js';
import { stringArgumentsPlugin } from './string-arguments.plugin.js';
import { tokenLimitPlugin } from './token-limit.plugin.js';

/**
 * Bounded work per request, all checked before any resolver runs, cheapest first:
 * tokens while parsing (graphql's `maxTokens`), then depth, aliases and directives while validating
 * (graphql-armor rules) and page sizes (`first`, `last`, page-size.ts), then page sizes given by
 * variables, the ids of `nodes` (node-ids.ts), string arguments and the cost estimate once the operation and its variables are
 * known. A refusal is one QUERY_TOO_COMPLEX (or BAD_USER_INPUT) error with HTTP 400 (200 under
 * `application/json`, as GraphQL over HTTP asks for request errors; see ../http-semantics.ts).
 * Introspection is held to the same limits, whoever asks. The body size is bounded earlier, by the
 * HTTP server.
 */
export function queryLimits(
  schema: GraphQLSchema,
  limits: QueryLimits,
): Required<Pick<ApolloServerOptions<RequestContext>, 'parseOptions' | 'validationRules' | 'plugins'>> {
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [documentLimitsRule(limits), pageSizeRule()],
    plugins: [
      tokenLimitPlugin(limits.maxTokens),
      pageSizePlugin(schema),
      nodeIdsPlugin(schema),
      stringArgumentsPlugin(schema, limits.maxStringLength),
      queryCostPlugin(schema, limits.maxCost),
    ],
  };
}
