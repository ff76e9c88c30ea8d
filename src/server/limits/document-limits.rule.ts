import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, OperationDefinitionNode, ValidationContext, ValidationRule } from 'graphql';
import type { QueryLimits } from '../../config/config.js';
import { queryTooComplex, type QueryLimitName } from '../../errors/gateway-error.js';

type ArmorVisitor = { OperationDefinition: { enter: (node: OperationDefinitionNode) => void } };

/**
 * Depth, aliases and directives of each operation, counted by graphql-armor's rules (fragments
 * followed once; depth counts fields, fragments flattened, introspection included) and reported
 * as one QUERY_TOO_COMPLEX error: the first limit exceeded, checked in that order.
 *
 * graphql-armor's own way to refuse is to throw from the visitor; graphql-js's `validate` lets a
 * thrown error escape, which Apollo Server answers as a bare 500 "Internal server error", so the
 * rules run with `propagateOnRejection: false` and this rule reports the refusal instead. Armor
 * states the measured value only in its message ("… exceeded, found N."), read back here; a test
 * pins that format.
 */
export function documentLimitsRule(limits: QueryLimits): ValidationRule {
  const checks: { limit: QueryLimitName; maximum: number; variable: string; what: string; rule: Rule }[] = [
    { limit: 'depth', maximum: limits.maxDepth, variable: 'QUERY_MAX_DEPTH', what: 'depth', rule: depth },
    {
      limit: 'aliases',
      maximum: limits.maxAliases,
      variable: 'QUERY_MAX_ALIASES',
      what: 'number of aliases',
      rule: aliases,
    },
    {
      limit: 'directives',
      maximum: limits.maxDirectives,
      variable: 'QUERY_MAX_DIRECTIVES',
      what: 'number of directives',
      rule: directives,
    },
  ];
  return (context: ValidationContext) => {
    let refused: GraphQLError | undefined;
    const visitors = checks.map((check) => ({
      check,
      visitor: check.rule(check.maximum, (found) => {
        refused ??= queryTooComplex(check.limit, check.maximum, found, check.variable, check.what);
      })(context) as unknown as ArmorVisitor,
    }));
    return {
      OperationDefinition(node) {
        for (const { visitor } of visitors) {
          visitor.OperationDefinition.enter.call(visitor, node);
          if (refused) break;
        }
        if (refused) context.reportError(refused);
        refused = undefined;
      },
    };
  };
}

type Rule = (maximum: number, onRefused: (found: number) => void) => ValidationRule;

/** Armor's options: report through `onRefused` with the measured value instead of throwing. */
const armorOptions = (maximum: number, onRefused: (found: number) => void) => ({
  n: maximum,
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [(_context: unknown, error: GraphQLError) => onRefused(measuredIn(error.message))],
});

const depth: Rule = (maximum, onRefused) =>
  maxDepthRule({ ...armorOptions(maximum, onRefused), ignoreIntrospection: false, flattenFragments: true });
const aliases: Rule = (maximum, onRefused) =>
  maxAliasesRule({ ...armorOptions(maximum, onRefused), allowList: [] });
const directives: Rule = (maximum, onRefused) => maxDirectivesRule(armorOptions(maximum, onRefused));

/** "Query depth limit of 15 exceeded, found 28." → 28 (NaN if armor ever words it otherwise). */
export function measuredIn(message: string): number {
  return Number(/found (\d+)\.?$/.exec(message)?.[1]);
}
