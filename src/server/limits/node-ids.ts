import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { GatewayError } from '../../errors/gateway-error.js';
import type { RequestContext } from '../context.js';

/** Ids one `Query.nodes` may ask for: each may cost an upstream read, like `first` on a connection. */
export const MAX_NODE_IDS = 100;

/**
 * Refuses, before execution, a `nodes(ids:)` with more than MAX_NODE_IDS ids, with BAD_USER_INPUT
 * naming `ids`, the limit and the count (HTTP 400, 200 under `application/json`). The list comes
 * from a literal or a variable, so this runs once the operation and its variables are known.
 */
export function nodeIdsPlugin(
  schema: GraphQLSchema,
  maximum: number = MAX_NODE_IDS,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const measured = longestIdList(schema, document, request.variables ?? {});
          if (measured > maximum) {
            throw new GatewayError(
              'BAD_USER_INPUT',
              `\`nodes\` takes at most ${maximum} ids, got ${measured}. Ask for the rest in another request.`,
              { argument: 'ids', maximum, measured, http: { status: 400 } },
            );
          }
        },
      };
    },
  };
}

function longestIdList(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): number {
  const typeInfo = new TypeInfo(schema);
  let longest = 0;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        if (node.name.value !== 'ids' || typeInfo.getParentType() !== schema.getQueryType()) return;
        const value = node.value;
        const length =
          value.kind === Kind.LIST
            ? value.values.length
            : value.kind === Kind.VARIABLE && Array.isArray(variables[value.name.value])
              ? (variables[value.name.value] as unknown[]).length
              : 0;
        longest = Math.max(longest, length);
      },
    }),
  );
  return longest;
}
