import { readFile } from 'node:fs/promises';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';
import { printGatewaySchema } from '../../src/schema/emit-schema.js';

describe('schema.graphql', () => {
  it('matches the code-first schema (run `npm run schema:emit` after changing the schema)', async () => {
    const committed = await readFile(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(printGatewaySchema(await buildGatewaySchema())).toBe(committed);
  });

  it('keeps the surface clients rely on', async () => {
    const sdl = printGatewaySchema(await buildGatewaySchema());
    for (const line of [
      'workspaces: [Workspace!]!',
      'workspace(workspaceId: Int!): Workspace',
      'startTracking(input: StartTrackingInput!): TrackerState!',
      'stopTracking(input: StopTrackingInput!): TrackerState!',
      'tracker: TrackerState',
      'role: MemberRole!',
    ]) {
      expect(sdl).toContain(line);
    }
    expect(sdl).toMatch(/\n {2}members\(\n[\s\S]*?first: Int[\s\S]*?\): MemberConnection!/);
    expect(sdl).toMatch(
      /enum MemberRole \{\s+EXECUTIVE_MANAGER\s+OWNER\s+PROJECT_MANAGER\s+PROJECT_VIEWER\s+REGULAR_USER\s+TEAM_MANAGER\s+\}/,
    );
  });
});
