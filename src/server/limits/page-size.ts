import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { GatewayError } from '../../errors/gateway-error.js';
import { MAX_PAGE_SIZE } from '../../schema/inputs/page.args.js';
import type { RequestContext } from '../context.js';

/**
 * Page sizes checked before execution, as GitHub's API does: a connection's `first` over
 * MAX_PAGE_SIZE (100) or negative refuses the whole request with BAD_USER_INPUT naming the
 * argument, the connection and the limit (`extensions.argument`, `maximum`, `measured`), HTTP 400
 * (200 under `application/json`, see http-semantics.ts). Without it, the resolver refused it during
 * execution and the error nulled the parent object.
 *
 * Literals are checked by the validation rule (`pageSizeRule`, with the other validation rules);
 * values from variables, which validation does not see, by the plugin (`pageSizePlugin`) once the
 * operation and its variables are known, still before execution.
 */
export function pageSizeRule(maximum: number = MAX_PAGE_SIZE): ValidationRule {
  return (context: ValidationContext) => ({
    Argument(node) {
      const field = context.getFieldDef();
      if (!field || node.value.kind !== Kind.INT || !isPageSize(field, node)) return;
      const refusal = pageSizeRefusal(field.name, Number(node.value.value), maximum);
      if (refusal) context.reportError(refusal);
    },
  });
}

export function pageSizePlugin(
  schema: GraphQLSchema,
  maximum: number = MAX_PAGE_SIZE,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          const variables = { ...defaults(operation?.variableDefinitions), ...request.variables };
          const refusal = firstVariableRefusal(schema, document, variables, maximum);
          if (refusal) throw refusal;
        },
      };
    },
  };
}

/** A `first` argument of type Int: every connection field's page size (PageArgs). */
function isPageSize(field: GraphQLField<unknown, unknown>, node: ArgumentNode): boolean {
  return node.name.value === 'first' && field.args.some((a) => a.name === 'first');
}

function pageSizeRefusal(connection: string, requested: number, maximum: number): GatewayError | undefined {
  if (requested >= 0 && requested <= maximum) return undefined;
  const message =
    requested > maximum
      ? `Requesting ${requested} records on the \`${connection}\` connection exceeds the \`first\` limit of ${maximum} records. Ask for at most ${maximum} and page with \`after\`.`
      : `\`first\` on the \`${connection}\` connection must be between 0 and ${maximum}, got ${requested}.`;
  return new GatewayError('BAD_USER_INPUT', message, {
    argument: 'first',
    maximum,
    measured: requested,
    http: { status: 400 },
  });
}

/** `first: $variable` arguments of a document: the variable and the connection it sizes. */
type VariablePageSizes = readonly { variable: string; connection: string }[];

/**
 * The first `first: $variable` whose value (given, or the variable's default) is out of range.
 * Where the document has such arguments is found once per document: Apollo hands the same parsed
 * document to every request with the same query text.
 */
function firstVariableRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  maximum: number,
): GatewayError | undefined {
  let sizes = variablePageSizes.get(document);
  if (!sizes) {
    sizes = findVariablePageSizes(schema, document);
    variablePageSizes.set(document, sizes);
  }
  for (const { variable, connection } of sizes) {
    const value = variables[variable];
    if (typeof value !== 'number' || !Number.isInteger(value)) continue;
    const refusal = pageSizeRefusal(connection, value, maximum);
    if (refusal) return refusal;
  }
  return undefined;
}

const variablePageSizes = new WeakMap<DocumentNode, VariablePageSizes>();

function findVariablePageSizes(schema: GraphQLSchema, document: DocumentNode): VariablePageSizes {
  const typeInfo = new TypeInfo(schema);
  const found: { variable: string; connection: string }[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const field = typeInfo.getFieldDef();
        if (field && node.value.kind === Kind.VARIABLE && isPageSize(field, node)) {
          found.push({ variable: node.value.name.value, connection: field.name });
        }
      },
    }),
  );
  return found;
}

/** Default values of the operation's variables (`$n: Int = 500`), as plain values. */
function defaults(
  definitions: readonly { variable: { name: { value: string } }; defaultValue?: ValueNode }[] = [],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const definition of definitions) {
    if (definition.defaultValue?.kind === Kind.INT) {
      values[definition.variable.name.value] = Number(definition.defaultValue.value);
    }
  }
  return values;
}
