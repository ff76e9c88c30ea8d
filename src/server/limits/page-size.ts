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
 * Page sizes checked before execution, as GitHub's API does: a connection's `first` or `last` over
 * MAX_PAGE_SIZE (100) or negative refuses the whole request with BAD_USER_INPUT naming the
 * argument, the connection and the limit (`extensions.argument`, `maximum`, `measured`), HTTP 400
 * (200 under `application/json`, see http-semantics.ts). Without it, the resolver refused it during
 * execution and the error nulled the parent object. `first` and `last` both given (not null) on one
 * connection are refused the same way, naming `last`.
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
      const refusal = pageSizeRefusal(field.name, node.name.value, Number(node.value.value), maximum);
      if (refusal) context.reportError(refusal);
    },
    Field(node) {
      const field = context.getFieldDef();
      const given = (name: string) =>
        node.arguments?.some((a) => a.name.value === name && a.value.kind === Kind.INT);
      if (field && given('first') && given('last')) context.reportError(bothDirectionsRefusal(field.name));
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

/** A `first` or `last` argument of type Int: every connection field's page size (PageArgs). */
function isPageSize(field: GraphQLField<unknown, unknown>, node: ArgumentNode): boolean {
  const name = node.name.value;
  return (name === 'first' || name === 'last') && field.args.some((a) => a.name === name);
}

function pageSizeRefusal(
  connection: string,
  argument: string,
  requested: number,
  maximum: number,
): GatewayError | undefined {
  if (requested >= 0 && requested <= maximum) return undefined;
  const cursor = argument === 'last' ? 'before' : 'after';
  const message =
    requested > maximum
      ? `Requesting ${requested} records on the \`${connection}\` connection exceeds the \`${argument}\` limit of ${maximum} records. Ask for at most ${maximum} and page with \`${cursor}\`.`
      : `\`${argument}\` on the \`${connection}\` connection must be between 0 and ${maximum}, got ${requested}.`;
  return new GatewayError('BAD_USER_INPUT', message, {
    argument,
    maximum,
    measured: requested,
    http: { status: 400 },
  });
}

function bothDirectionsRefusal(connection: string): GatewayError {
  return new GatewayError(
    'BAD_USER_INPUT',
    `\`first\` and \`last\` cannot both be given on the \`${connection}\` connection: page forward with \`first\`/\`after\` or backward with \`last\`/\`before\`.`,
    { argument: 'last', http: { status: 400 } },
  );
}

/** A connection field of a document whose `first` or `last` comes from a variable. */
interface VariablePageSize {
  connection: string;
  first?: ValueNode;
  last?: ValueNode;
}
type VariablePageSizes = readonly VariablePageSize[];

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
  for (const { connection, first, last } of sizes) {
    const values = { first: valueOf(first, variables), last: valueOf(last, variables) };
    if (values.first != null && values.last != null) return bothDirectionsRefusal(connection);
    for (const argument of ['first', 'last'] as const) {
      const value = values[argument];
      if (typeof value !== 'number' || !Number.isInteger(value)) continue;
      const refusal = pageSizeRefusal(connection, argument, value, maximum);
      if (refusal) return refusal;
    }
  }
  return undefined;
}

const variablePageSizes = new WeakMap<DocumentNode, VariablePageSizes>();

function findVariablePageSizes(schema: GraphQLSchema, document: DocumentNode): VariablePageSizes {
  const typeInfo = new TypeInfo(schema);
  const found: VariablePageSize[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const field = typeInfo.getFieldDef();
        const sizes = field && node.arguments?.filter((a) => isPageSize(field, a));
        if (!field || !sizes?.some((a) => a.value.kind === Kind.VARIABLE)) return;
        const valueOf = (name: string) => sizes.find((a) => a.name.value === name)?.value;
        found.push({ connection: field.name, first: valueOf('first'), last: valueOf('last') });
      },
    }),
  );
  return found;
}

/** An argument's value: a literal, or its variable's (null when absent). */
function valueOf(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node || node.kind === Kind.NULL) return null;
  if (node.kind === Kind.INT) return Number(node.value);
  return node.kind === Kind.VARIABLE ? (variables[node.name.value] ?? null) : null;
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
