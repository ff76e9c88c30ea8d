import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import {
  Kind,
  TypeInfo,
  isInterfaceType,
  isObjectType,
  parse,
  validate,
  visit,
  visitWithTypeInfo,
  type GraphQLSchema,
} from 'graphql';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';
import { DEFAULT_QUERY } from '../../src/server/playground/default-query.js';
import { startStack, type Stack } from '../support/gateway-harness.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
/** Every GraphQL example of the README, the query of its curl example, and the playground's first query. */
const EXAMPLES = [
  DEFAULT_QUERY.replace(/^#.*\n/gm, '').trim(),
  ...[...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!),
  ...[...README.matchAll(/-d '\{"query":"(.*?)"\}'/g)].map((m) => m[1]!),
];
const name = (document: string) => document.trim().split('\n')[0]!.slice(0, 60);

/** Selections of an object with an `id` that leave it out: a normalising client cache cannot merge them. */
function selectionsWithoutId(schema: GraphQLSchema, document: string): string[] {
  const typeInfo = new TypeInfo(schema);
  const missing: string[] = [];
  visit(
    parse(document),
    visitWithTypeInfo(typeInfo, {
      SelectionSet(node) {
        const type = typeInfo.getParentType();
        if (!(isObjectType(type) || isInterfaceType(type)) || !('id' in type.getFields())) return;
        const hasId = node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'id');
        if (!hasId) missing.push(`${type.name} at line ${node.loc!.startToken.line}`);
      },
    }),
  );
  return missing;
}

describe('the README examples', () => {
  let schema: GraphQLSchema;
  let stack: Stack;
  beforeAll(async () => {
    schema = await buildGatewaySchema();
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('are found', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(7);
  });

  it.each(EXAMPLES.map((e) => [name(e), e]))(
    '%s: valid, and selects id on every object that has one',
    (_n, e) => {
      expect(validate(schema, parse(e))).toEqual([]);
      expect(selectionsWithoutId(schema, e)).toEqual([]);
    },
  );

  it.each(EXAMPLES.filter((e) => !e.trim().startsWith('mutation')).map((e) => [name(e), e]))(
    '%s: runs without errors',
    async (_n, e) => {
      const answer = await stack.gql(e, { ws: 1, from: '2026-11-01', to: '2026-11-30' });
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toBeDefined();
    },
  );
});
