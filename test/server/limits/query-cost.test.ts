import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, parse, validate, type GraphQLSchema } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { buildGatewaySchema } from '../../../src/schema/build-schema.js';
import { measuredIn } from '../../../src/server/limits/document-limits.rule.js';
import { FIELD_COSTS, upstreamReadsEstimator } from '../../../src/server/limits/query-cost.js';
import { countTokens } from '../../../src/server/limits/token-limit.plugin.js';
import { cyclicContracts } from '../../support/attack-documents.js';
import { DASHBOARD_QUERY } from '../../support/gateway-harness.js';

describe('query cost model', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGatewaySchema();
  });
  const cost = (query: string, variables: Record<string, unknown> = {}) =>
    getComplexity({ schema, query: parse(query), variables, estimators: [upstreamReadsEstimator] });

  it('names only fields the schema has', () => {
    for (const coordinate of Object.keys(FIELD_COSTS)) {
      const [type, field] = coordinate.split('.');
      const fields = (schema.getType(type!) as { getFields?: () => Record<string, unknown> })?.getFields?.();
      expect([coordinate, fields?.[field!] !== undefined]).toEqual([coordinate, true]);
    }
  });

  it('estimates the dashboard at 123 upstream reads (72 measured cold): 1 + (1 + 50 × 2) + (1 + 20 × 1)', () => {
    expect(cost(DASHBOARD_QUERY, { ws: 1 })).toBe(123);
  });

  it('multiplies list sizes down the tree: first, else the default page (connections) or 100 (lists)', () => {
    expect(cost('{ workspace(workspaceId: 1) { members { nodes { tracker { isRunning } } } } }')).toBe(
      1 + 1 + 20,
    );
    expect(cost('{ workspaces { members(first: 5) { nodes { tracker { isRunning } } } } }')).toBe(
      1 + 100 * 6,
    );
    expect(cost('{ __schema { types { fields { type { ofType { name } } } } } }')).toBe(0);
    expect(cost(cyclicContracts(8))).toBeGreaterThan(1_000_000);
  });
});

describe('document limits', () => {
  it("reads the measured value from graphql-armor's message (pins its wording)", async () => {
    const schema = await buildGatewaySchema();
    const errors: GraphQLError[] = [];
    validate(schema, parse(cyclicContracts(8)), [
      maxDepthRule({
        n: 3,
        flattenFragments: true,
        propagateOnRejection: false,
        onReject: [(_context, error) => errors.push(error)],
      }),
    ]);
    expect(errors).toHaveLength(1);
    expect(measuredIn(errors[0]!.message)).toBe(12);
  });

  it('counts tokens like graphql-js (names and punctuation, not comments)', () => {
    expect(countTokens('{ a { b } } # comment')).toBe(6);
  });
});
