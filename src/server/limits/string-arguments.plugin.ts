import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNullableType,
  isInputObjectType,
  isListType,
  typeFromAST,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { badUserInputBeforeExecution } from '../../errors/gateway-error.js';
import type { RequestContext } from '../context.js';

/**
 * Lower limits the WebWork documentation states for particular input fields (REFERENCE.md),
 * keyed `Type.field` (input fields) or `Type.field(argument:)` (arguments).
 */
export const DOCUMENTED_STRING_LIMITS: Readonly<Record<string, number>> = {
  // "activity_description … at most 1000 characters" (start tracking).
  'StartTrackingInput.activityDescription': 1000,
};

/**
 * Refuses, before execution and so before any upstream call, any string argument or variable
 * longer than ARGUMENT_MAX_STRING_LENGTH (or a documented lower limit): BAD_USER_INPUT, HTTP 400,
 * `extensions.argument` naming it (`input.activityDescription`, or `$name` for a variable). Without
 * this, a long string went into an upstream URL or body and came back as an upstream failure.
 */
export function stringArgumentsPlugin(
  schema: GraphQLSchema,
  maxLength: number,
  documented: Readonly<Record<string, number>> = DOCUMENTED_STRING_LIMITS,
): ApolloServerPlugin<RequestContext> {
  const check = (value: unknown, type: GraphQLInputType, path: string, limit = maxLength): void => {
    if (value === null || value === undefined) return;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      if (Array.isArray(value))
        value.forEach((item, i) => check(item, nullable.ofType, `${path}[${i}]`, limit));
      else check(value, nullable.ofType, path, limit);
      return;
    }
    if (isInputObjectType(nullable)) {
      if (typeof value !== 'object') return;
      const fields = nullable.getFields();
      for (const [name, item] of Object.entries(value)) {
        const field = fields[name];
        if (field) check(item, field.type, `${path}.${name}`, limitFor(`${nullable.name}.${name}`));
      }
      return;
    }
    if (typeof value === 'string' && value.length > limit) {
      throw badUserInputBeforeExecution(
        path,
        `${path} must be at most ${limit} characters, got ${value.length}.`,
      );
    }
  };
  const limitFor = (coordinate: string) => Math.min(maxLength, documented[coordinate] ?? maxLength);

  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          const variables = request.variables ?? {};
          checkArguments(schema, document, variables, check, limitFor);
          checkVariables(schema, operation, variables, check);
        },
      };
    },
  };
}

type Check = (value: unknown, type: GraphQLInputType, path: string, limit?: number) => void;

/** Every argument in the document (literals, and variables where they are used), by its type. */
function checkArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  check: Check,
  limitFor: (coordinate: string) => number,
): void {
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (!argument) return;
        const value = valueFromAST(node.value, argument.type, variables);
        const owner = typeInfo.getDirective()
          ? `@${typeInfo.getDirective()!.name}`
          : `${typeInfo.getParentType()?.name}.${typeInfo.getFieldDef()?.name}`;
        check(value, argument.type, argument.name, limitFor(`${owner}(${argument.name}:)`));
      },
    }),
  );
}

/** Every variable the operation declares, by its declared type (also those no argument uses). */
function checkVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode | undefined,
  variables: Record<string, unknown>,
  check: Check,
): void {
  for (const definition of operation?.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    const name = definition.variable.name.value;
    if (type) check(variables[name], type, `$${name}`);
  }
}
