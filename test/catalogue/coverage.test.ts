import { readFileSync } from 'node:fs';
import { isObjectType } from 'graphql';
import * as prettier from 'prettier';
import { coverageMarkdown } from '../../src/catalogue/coverage-doc.js';
import { coordinateOf, GRAPHQL_PATHS } from '../../src/catalogue/graphql-paths.js';
import { CATALOGUE } from '../../src/catalogue/index.js';
import { coverage } from '../../src/catalogue/stale-reads.js';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';

describe('coverage of the WebWork API (docs/coverage.md)', () => {
  it('every catalogue operation says where GraphQL reaches it, and nothing else is listed', () => {
    expect(Object.keys(GRAPHQL_PATHS).sort()).toEqual(CATALOGUE.map((op) => op.name).sort());
    for (const [name, paths] of Object.entries(GRAPHQL_PATHS))
      expect([name, paths.length > 0]).toEqual([name, true]);
  });

  it('every listed path is a field of the schema', async () => {
    const schema = await buildGatewaySchema();
    const missing = Object.values(GRAPHQL_PATHS)
      .flat()
      .map(coordinateOf)
      .filter((coordinate) => {
        const [typeName, field] = coordinate.split('.') as [string, string];
        const type = schema.getType(typeName);
        return !isObjectType(type) || type.getFields()[field] === undefined;
      });
    expect(missing).toEqual([]);
  });

  it('every WebWork operation has a GraphQL path', () => {
    expect(coverage(CATALOGUE).filter((row) => row.operation === null)).toEqual([]);
  });

  it('the committed document is up to date (npm run coverage:doc)', async () => {
    const options = await prettier.resolveConfig('docs/coverage.md');
    const expected = await prettier.format(coverageMarkdown(CATALOGUE), { ...options, parser: 'markdown' });
    expect(readFileSync('docs/coverage.md', 'utf8')).toBe(expected);
  });
});
