import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, Kind, type FragmentDefinitionNode, type GraphQLSchema } from 'graphql';
import { GatewayError } from '../../errors/gateway-error.js';
import type { RequestContext } from '../context.js';
import { budgetCost } from './budget-cost.js';

/**
 * Refuses, before execution, an operation that needs more upstream calls (batched estimate,
 * budget-cost.ts) than the caller's budget can ever give in one window (UPSTREAM_RATE_LIMIT per
 * minute and token): it could never complete, only spend the caller's budget on a partial answer and
 * leave every other screen of theirs RATE_LIMITED for a minute (issue 10).
 *
 * The code is QUERY_TOO_COMPLEX, like the other refusals before execution (clients already handle it:
 * split the query), with `extensions.limit: 'budget'`, `maximum` (the budget per window) and
 * `measured` (the estimate), as the other limits name theirs. Off when the budget is off (0).
 */
export function budgetCostPlugin(
  schema: GraphQLSchema,
  callsPerWindow: number,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      if (callsPerWindow <= 0) return {};
      return {
        async didResolveOperation({ document, operation, request }) {
          // Queries only: a mutation is sent once and reads back afterwards; when the read-back does
          // not fit, the answer says so (`complete: false`) rather than refusing the write itself.
          if (operation?.operation !== 'query') return;
          const coerced = getVariableValues(
            schema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          if (coerced.errors) return; // execution reports them, naming the variable
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const root = schema.getRootType(operation.operation);
          if (!root) return;
          const estimate = budgetCost(schema, root, operation.selectionSet, fragments, coerced.coerced);
          if (estimate <= callsPerWindow) return;
          throw new GatewayError(
            'QUERY_TOO_COMPLEX',
            `The query needs an estimated ${estimate} upstream calls, more than your budget of ${callsPerWindow} calls per minute to WebWork (UPSTREAM_RATE_LIMIT) can ever give in one window, so it could never complete. Split it into smaller queries, or ask for fewer items (first) or fields.`,
            { limit: 'budget', maximum: callsPerWindow, measured: estimate, http: { status: 400 } },
          );
        },
      };
    },
  };
}
