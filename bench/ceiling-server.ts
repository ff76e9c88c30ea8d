import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildSchema,
  execute,
  GraphQLObjectType,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { failStartup, isEntryPoint, serveUsage } from './child-ipc.js';
import { BENCH_WORKSPACE_ID, DASHBOARD_TOKEN } from './dashboard-query.js';

/**
 * The ceiling: the gateway's schema (`schema.graphql`, via `buildSchema`) executed by plain
 * graphql-js with plain resolver functions over data held in memory. No Apollo, no type-graphql, no
 * upstream calls while serving. The data is read once at start from the simulator with the bench's
 * token (the same data the gateway serves), mapped independently of the gateway's code, so it also
 * serves as the expected answer. Parsed and validated documents are cached per query text (Apollo
 * does the same), so this is the best plain graphql-js does, served over node:http like the gateway.
 */

const gid = (...parts: (string | number)[]) => Buffer.from(parts.join(':')).toString('base64url');
const ROLES: Record<string, string> = {
  Owner: 'OWNER',
  'Executive manager': 'EXECUTIVE_MANAGER',
  'Team manager': 'TEAM_MANAGER',
  'Project manager': 'PROJECT_MANAGER',
  'Project viewer': 'PROJECT_VIEWER',
  'Regular User': 'REGULAR_USER',
};
const TASK_STATUS: Record<number, string> = { 0: 'INCOMPLETE', 10: 'DOING', 20: 'DONE', 30: 'COMPLETED' };
const known = <T>(table: Record<string | number, T>, value: string | number, what: string): T => {
  if (table[value] === undefined) throw new Error(`ceiling: unknown ${what} ${value}`);
  return table[value];
};

type Row = Record<string, unknown>;
interface Member {
  workspaceId: number;
  userId: number;
  firstName: string;
  lastName: string;
  role: string;
  status: string;
}
interface Contract {
  workspaceId: number;
  contractId: number;
  userId: number;
  projectId: number;
  status: string;
}
interface Project {
  workspaceId: number;
  projectId: number;
  name: string;
}
interface Task {
  workspaceId: number;
  taskId: number;
  title: string;
  status: string;
}
interface Tracker {
  isRunning: boolean;
  todaySeconds: number;
  contractId: number | null;
}
interface Data {
  workspace: { workspaceId: number; name: string };
  members: Member[];
  contracts: Contract[];
  contractsByUser: Map<number, Contract[]>;
  contractById: Map<number, Contract>;
  projects: Project[];
  projectById: Map<number, Project>;
  tasksByProject: Map<number, Task[]>;
  /** null: WebWork has no tracker for the member (archived members answer 404). */
  trackerByUser: Map<number, Tracker | null>;
}

async function wire(
  apiUrl: string,
  path: string,
  query: Record<string, number>,
): Promise<Row[] | Row | null> {
  const url = new URL(`${apiUrl}${path}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
  const response = await fetch(url, { headers: { authorization: `Bearer ${DASHBOARD_TOKEN}` } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`ceiling: GET ${path} answered ${response.status}`);
  return ((await response.json()) as { data: Row[] | Row }).data;
}

async function list(apiUrl: string, path: string, query: Record<string, number>): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; ; page++) {
    const data = (await wire(apiUrl, path, { ...query, page, per_page: 100 })) as Row[];
    rows.push(...data);
    if (data.length < 100) return rows;
  }
}

/** Reads workspace 1 as the bench's caller sees it, once. */
async function loadData(apiUrl: string): Promise<Data> {
  const ws = BENCH_WORKSPACE_ID;
  const q = { workspace_id: ws };
  const workspace = (await list(apiUrl, '/workspaces', {})).find((w) => w.id === ws);
  if (!workspace) throw new Error(`ceiling: the bench token cannot see workspace ${ws}`);
  const members: Member[] = (await list(apiUrl, '/members', q)).map((m) => ({
    workspaceId: ws,
    userId: m.id as number,
    firstName: m.firstname as string,
    lastName: m.lastname as string,
    role: known(ROLES, m.current_role as string, 'role'),
    status: (m.status as string).toUpperCase(),
  }));
  const contracts: Contract[] = (await list(apiUrl, '/contracts', q)).map((c) => ({
    workspaceId: ws,
    contractId: c.id as number,
    userId: c.user_id as number,
    projectId: c.project_id as number,
    status: (c.status as string).toUpperCase(),
  }));
  const projects: Project[] = (await list(apiUrl, '/projects', q)).map((p) => ({
    workspaceId: ws,
    projectId: p.id as number,
    name: p.name as string,
  }));
  const tasksByProject = new Map<number, Task[]>();
  for (const p of projects) {
    const rows = await list(apiUrl, '/tasks', { ...q, project_id: p.projectId });
    tasksByProject.set(
      p.projectId,
      rows.map((t) => ({
        workspaceId: ws,
        taskId: t.id as number,
        title: t.title as string,
        status: known(TASK_STATUS, t.status as number, 'task status'),
      })),
    );
  }
  const trackerByUser = new Map<number, Tracker | null>();
  await Promise.all(
    members.map(async (m) => {
      const d = (await wire(apiUrl, '/time-tracking/current-data', {
        ...q,
        user_id: m.userId,
      })) as Row | null;
      trackerByUser.set(
        m.userId,
        d && {
          isRunning: d.is_running as boolean,
          todaySeconds: (d.total_minutes as number) * 60 + (d.total_seconds as number),
          contractId: (d.contract_id as number | null) ?? null,
        },
      );
    }),
  );
  const contractsByUser = new Map<number, Contract[]>();
  for (const c of contracts) contractsByUser.set(c.userId, [...(contractsByUser.get(c.userId) ?? []), c]);
  return {
    workspace: { workspaceId: ws, name: workspace.workspace_name as string },
    members,
    contracts,
    contractsByUser,
    contractById: new Map(contracts.map((c) => [c.contractId, c])),
    projects,
    projectById: new Map(projects.map((p) => [p.projectId, p])),
    tasksByProject,
    trackerByUser,
  };
}

/** A Relay connection over an in-memory list (only `first`; the bench does not page). */
const connection = <T>(all: readonly T[], first = 20) => {
  const nodes = all.slice(0, first);
  return {
    totalCount: all.length,
    nodes,
    edges: () => nodes.map((node, i) => ({ cursor: Buffer.from(`offset:${i}`).toString('base64url'), node })),
    pageInfo: () => ({ hasNextPage: nodes.length < all.length, hasPreviousPage: false }),
  };
};

type Resolvers = Record<string, Record<string, GraphQLFieldResolver<never, Data, Record<string, never>>>>;

function resolvers(): Resolvers {
  return {
    Query: {
      workspace: (_root, args: { workspaceId?: number }, data) =>
        args.workspaceId === data.workspace.workspaceId ? data.workspace : null,
    },
    Workspace: {
      id: (w: Data['workspace']) => gid('Workspace', w.workspaceId),
      members: (_w, args: { first?: number }, data) => connection(data.members, args.first),
      projects: (_w, args: { first?: number }, data) => connection(data.projects, args.first),
    },
    Member: {
      id: (m: Member) => gid('Member', m.workspaceId, m.userId),
      fullName: (m: Member) => `${m.firstName} ${m.lastName}`.trim(),
      tracker: (m: Member, _args, data) => data.trackerByUser.get(m.userId) ?? null,
      contracts: (m: Member, _args, data) => data.contractsByUser.get(m.userId) ?? [],
    },
    TrackerState: {
      contract: (t: Tracker, _args, data) =>
        t.isRunning && t.contractId !== null ? (data.contractById.get(t.contractId) ?? null) : null,
    },
    Contract: {
      id: (c: Contract) => gid('Contract', c.workspaceId, c.contractId),
      project: (c: Contract, _args, data) => data.projectById.get(c.projectId),
    },
    Project: {
      id: (p: Project) => gid('Project', p.workspaceId, p.projectId),
      tasks: (p: Project, args: { first?: number }, data) =>
        connection(data.tasksByProject.get(p.projectId) ?? [], args.first),
    },
    Task: { id: (t: Task) => gid('Task', t.workspaceId, t.taskId) },
  };
}

function schemaWithResolvers(): GraphQLSchema {
  const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
  for (const [typeName, fields] of Object.entries(resolvers())) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`ceiling: no object type ${typeName}`);
    for (const [fieldName, resolve] of Object.entries(fields)) {
      const field = type.getFields()[fieldName];
      if (!field) throw new Error(`ceiling: no field ${typeName}.${fieldName}`);
      field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  return schema;
}

const send = (response: ServerResponse, status: number, payload: unknown) => {
  const body = JSON.stringify(payload);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startCeilingServer(apiUrl: string) {
  const schema = schemaWithResolvers();
  const data = await loadData(apiUrl);
  const documents = new Map<string, DocumentNode | readonly Error[]>();
  const documentFor = (query: string) => {
    let document = documents.get(query);
    if (!document) {
      const parsed = parse(query);
      const errors = validate(schema, parsed);
      document = errors.length ? errors : parsed;
      documents.set(query, document);
    }
    return document;
  };
  const server = createServer((request, response) => {
    void (async () => {
      if (request.method !== 'POST' || !request.url?.startsWith('/graphql')) {
        return send(response, 404, { error: 'POST /graphql only' });
      }
      if (request.headers.authorization !== `Bearer ${DASHBOARD_TOKEN}`) {
        return send(response, 401, { errors: [{ message: 'unknown token' }] });
      }
      const { query, variables, operationName } = JSON.parse(await readBody(request)) as {
        query: string;
        variables?: Record<string, unknown>;
        operationName?: string;
      };
      const document = documentFor(query);
      if (Array.isArray(document)) return send(response, 400, { errors: document });
      const result = await execute({
        schema,
        document: document as DocumentNode,
        variableValues: variables,
        operationName,
        contextValue: data,
      });
      send(response, 200, result);
    })().catch((error: unknown) => send(response, 500, { errors: [{ message: String(error) }] }));
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function main() {
  const apiUrl = process.env.BENCH_UPSTREAM_URL;
  if (!apiUrl) throw new Error('BENCH_UPSTREAM_URL must be the simulator API URL');
  const ceiling = await startCeilingServer(apiUrl);
  serveUsage(ceiling.url, undefined, ceiling.close);
}

if (isEntryPoint(import.meta.url)) main().catch(failStartup);
