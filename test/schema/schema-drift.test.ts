import { readFile } from 'node:fs/promises';
import { getNamedType, isNonNullType, isObjectType, parse, print, visit } from 'graphql';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';
import { printGatewaySchema } from '../../src/schema/emit-schema.js';

/** The SDL without descriptions, so the surface checks below read one line per field. */
const surfaceOf = (sdl: string) =>
  print(
    visit(parse(sdl), {
      enter: (node) =>
        'description' in node && node.description ? { ...node, description: undefined } : undefined,
    }),
  );

describe('schema.graphql', () => {
  it('matches the code-first schema (run `npm run schema:emit` after changing the schema)', async () => {
    const committed = await readFile(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(printGatewaySchema(await buildGatewaySchema())).toBe(committed);
  });

  it('keeps the surface clients rely on', async () => {
    const sdl = surfaceOf(printGatewaySchema(await buildGatewaySchema()));
    for (const line of [
      'workspaces: [Workspace!]\n',
      'workspace(workspaceId: Int!): Workspace\n',
      'startTracking(input: StartTrackingInput!): TrackerState\n',
      'stopTracking(input: StopTrackingInput!): TrackerState\n',
      'tracker: TrackerState\n',
      'role: MemberRole!\n',
    ]) {
      expect(sdl).toContain(line);
    }
    expect(sdl).toMatch(/\n {2}members\([^)]*first: Int[^)]*\): MemberConnection\n/);
    expect(sdl).toMatch(
      /enum MemberRole \{\s+EXECUTIVE_MANAGER\s+OWNER\s+PROJECT_MANAGER\s+PROJECT_VIEWER\s+REGULAR_USER\s+TEAM_MANAGER\s+\}/,
    );
  });

  it('makes every field that needs an upstream call nullable, so its failure nulls only that field', async () => {
    const schema = await buildGatewaySchema();
    // Objects read from WebWork, and what is resolved by another upstream call when selected from them.
    const entities = new Set(['Workspace', 'Member', 'Project', 'Contract', 'Task', 'TrackerState']);
    const parents = new Set([...entities, 'TaskAssignee']);
    const roots = new Set([schema.getQueryType()!.name, schema.getMutationType()!.name]);
    // Relay's `nodes(ids:): [Node]!`: its items are nullable and each lookup's failure nulls only its
    // item (the resolver catches per id); the list fails whole only for bad ids, before any call.
    const nullableItems = new Set(['Query.nodes']);
    const nonNull: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || !(roots.has(type.name) || parents.has(type.name))) continue;
      for (const field of Object.values(type.getFields())) {
        const target = getNamedType(field.type).name;
        const upstream = roots.has(type.name) || entities.has(target) || target.endsWith('Connection');
        const coordinate = `${type.name}.${field.name}`;
        if (upstream && isNonNullType(field.type) && !nullableItems.has(coordinate)) nonNull.push(coordinate);
      }
    }
    expect(nonNull).toEqual([]);
  });
});
