import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { getNamedType, isObjectType } from 'graphql';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const relayCompiler = join(root, 'node_modules/relay-compiler/cli.js');

/** Pagination fragments a Relay app would write on Workspace: forward and backward. */
const FRAGMENTS = `import { graphql } from 'react-relay';

export const forward = graphql\`
  fragment MembersList_workspace on Workspace
  @refetchable(queryName: "MembersListPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" }) {
    members(first: $count, after: $cursor) @connection(key: "MembersList_members") {
      edges { node { id fullName tracker { id isRunning } } }
    }
  }
\`;

export const backward = graphql\`
  fragment ProjectsBackward_workspace on Workspace
  @refetchable(queryName: "ProjectsBackwardPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" }) {
    projects(last: $count, before: $cursor) @connection(key: "ProjectsBackward_projects") {
      edges { node { id name } }
    }
  }
\`;
`;

describe('Relay clients', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'relay-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('relay-compiler compiles @refetchable + @connection pagination fragments on Workspace against schema.graphql', async () => {
    await mkdir(join(dir, 'src'));
    await writeFile(join(dir, 'src/Workspace.ts'), FRAGMENTS);
    await writeFile(
      join(dir, 'relay.config.json'),
      JSON.stringify({ src: './src', schema: join(root, 'schema.graphql'), language: 'typescript' }),
    );
    const { stdout } = await promisify(execFile)(process.execPath, [relayCompiler], { cwd: dir });
    expect(stdout).toMatch(/Compilation completed/);
    const generated = (name: string) =>
      readFile(join(dir, 'src/__generated__', `${name}.graphql.ts`), 'utf8');
    // @refetchable on a Node type refetches through Query.node(id:).
    expect(await generated('MembersListPaginationQuery')).toMatch(/node\(id: \$id\)/);
    expect(await generated('ProjectsBackwardPaginationQuery')).toMatch(
      /projects\(last: \$count, before: \$cursor\)/,
    );
  });

  it('every object type with an id implements Node, but for the documented exceptions', async () => {
    const schema = await buildGatewaySchema();
    const node = schema.getType('Node');
    // TimeEntry's id is null when WebWork's create answer has none; Deleted* name objects that are gone.
    const exceptions = /^(TimeEntry|Deleted\w+)$/;
    const missing = Object.values(schema.getTypeMap())
      .filter((t) => isObjectType(t) && !t.name.startsWith('__') && 'id' in t.getFields())
      .filter(
        (t) => isObjectType(t) && !t.getInterfaces().includes(node as never) && !exceptions.test(t.name),
      )
      .map((t) => t.name);
    expect(missing).toEqual([]);
    const query = schema.getQueryType()!.getFields();
    expect(String(query.node!.type)).toBe('Node');
    expect(query.node!.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual(['id: ID!']);
    expect(String(query.nodes!.type)).toBe('[Node]!');
    expect(getNamedType(query.nodes!.args[0]!.type).name).toBe('ID');
  });
});
