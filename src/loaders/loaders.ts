import DataLoader from 'dataloader';
import pLimit from 'p-limit';
import type { Caller } from '../datasources/caller.js';
import type { ContractRecord } from '../datasources/contracts.api.js';
import type { Datasources } from '../datasources/index.js';
import type { MemberRecord } from '../datasources/members.api.js';
import type { ProjectRecord } from '../datasources/projects.api.js';
import type { TaskRecord } from '../datasources/tasks.api.js';
import type { TrackerRecord } from '../datasources/tracking.api.js';
import { GatewayError } from '../errors/gateway-error.js';
import {
  byWorkspace,
  contractKeyId,
  memberKeyId,
  projectKeyId,
  taskKeyId,
  type ContractKey,
  type MemberKey,
  type ProjectKey,
  type TaskKey,
} from './keys.js';
import { RequestLists } from './request-lists.js';

/**
 * The per-request DataLoaders. Created for one caller and one GraphQL operation; never shared
 * (a loader's memo holds what that caller may see). Batch functions keep DataLoader's contract:
 * one result per key, in key order, an Error in place of a key that has none.
 *
 * `batched` (default): by-id lookups are served from the workspace's list pages (one upstream
 * call per 100 items, shared with connections), tasks from their project's list, trackers fan out
 * one call per member with bounded concurrency.
 * `naive`: one upstream call per edge, no memo. Only for benchmarks, to measure what batching saves.
 */
export interface Loaders {
  readonly lists: RequestLists;
  readonly member: DataLoader<MemberKey, MemberRecord, string>;
  readonly project: DataLoader<ProjectKey, ProjectRecord, string>;
  readonly contract: DataLoader<ContractKey, ContractRecord, string>;
  readonly contractsOfMember: DataLoader<MemberKey, ContractRecord[], string>;
  readonly contractsOfProject: DataLoader<ProjectKey, ContractRecord[], string>;
  readonly task: DataLoader<TaskKey, TaskRecord, string>;
  readonly tracker: DataLoader<MemberKey, TrackerRecord, string>;
}

export interface LoaderOptions {
  mode: 'batched' | 'naive';
  /** Upstream calls one fan-out may have in flight (trackers). */
  fanOutConcurrency: number;
}

const notFound = (what: string, id: number, workspaceId: number) =>
  new GatewayError('NOT_FOUND', `No ${what} ${id} in workspace ${workspaceId} that you can see.`);

/** Resolves each key from one list per workspace; keys missing from the list get NOT_FOUND. */
function fromWorkspaceLists<K extends { workspaceId: number }, R>(
  load: (workspaceId: number) => Promise<R[]>,
  idOfKey: (key: K) => number,
  idOfRecord: (record: R) => number,
  what: string,
) {
  return async (keys: readonly K[]): Promise<(R | Error)[]> => {
    const lists = new Map<number, Promise<Map<number, R>>>();
    for (const workspaceId of byWorkspace(keys).keys()) {
      lists.set(
        workspaceId,
        load(workspaceId).then((rows) => new Map(rows.map((r) => [idOfRecord(r), r]))),
      );
    }
    return Promise.all(
      keys.map(async (key) => {
        try {
          const found = (await lists.get(key.workspaceId)!).get(idOfKey(key));
          return found ?? notFound(what, idOfKey(key), key.workspaceId);
        } catch (error) {
          return error as Error;
        }
      }),
    );
  };
}

/**
 * Groups a workspace list by a field, for "contracts of member X" style relations. The index is
 * built once per list (per request) rather than filtering the whole list for every key.
 */
function groupedFromWorkspaceLists<K extends { workspaceId: number }, R>(
  load: (workspaceId: number) => Promise<R[]>,
  idOfKey: (key: K) => number,
  groupOfRecord: (record: R) => number,
) {
  const indexes = new WeakMap<R[], Map<number, R[]>>();
  const indexOf = (rows: R[]): Map<number, R[]> => {
    let index = indexes.get(rows);
    if (!index) {
      index = new Map();
      for (const row of rows) {
        const group = index.get(groupOfRecord(row));
        if (group) group.push(row);
        else index.set(groupOfRecord(row), [row]);
      }
      indexes.set(rows, index);
    }
    return index;
  };
  return async (keys: readonly K[]): Promise<(R[] | Error)[]> =>
    Promise.all(
      keys.map(async (key) => {
        try {
          return indexOf(await load(key.workspaceId)).get(idOfKey(key)) ?? [];
        } catch (error) {
          return error as Error;
        }
      }),
    );
}

/** Runs one call per key (bounded), turning failures into per-key errors. */
function fanOut<K, R>(call: (key: K) => Promise<R>, concurrency: number) {
  const limit = pLimit(concurrency);
  return (keys: readonly K[]): Promise<(R | Error)[]> =>
    Promise.all(keys.map((key) => limit(() => call(key)).catch((error: Error) => error)));
}

export function createLoaders(caller: Caller, ds: Datasources, options: LoaderOptions): Loaders {
  const lists = new RequestLists(caller, ds);
  const bounded = <K, R>(call: (key: K) => Promise<R>) => fanOut(call, options.fanOutConcurrency);

  if (options.mode === 'naive') {
    const perEdge = { batch: false, cache: false } as const;
    return {
      lists,
      member: new DataLoader(
        bounded((k: MemberKey) => ds.members.byId(caller, k.workspaceId, k.userId)),
        {
          ...perEdge,
          cacheKeyFn: memberKeyId,
        },
      ),
      project: new DataLoader(
        bounded((k: ProjectKey) => ds.projects.byId(caller, k.workspaceId, k.projectId)),
        {
          ...perEdge,
          cacheKeyFn: projectKeyId,
        },
      ),
      contract: new DataLoader(
        bounded((k: ContractKey) => ds.contracts.byId(caller, k.workspaceId, k.contractId)),
        {
          ...perEdge,
          cacheKeyFn: contractKeyId,
        },
      ),
      contractsOfMember: new DataLoader(
        bounded((k: MemberKey) => ds.contracts.all(caller, k.workspaceId, { user_id: k.userId })),
        { ...perEdge, cacheKeyFn: memberKeyId },
      ),
      contractsOfProject: new DataLoader(
        bounded((k: ProjectKey) => ds.contracts.all(caller, k.workspaceId, { project_id: k.projectId })),
        { ...perEdge, cacheKeyFn: projectKeyId },
      ),
      task: new DataLoader(
        bounded((k: TaskKey) => ds.tasks.byId(caller, k.workspaceId, k.taskId)),
        {
          ...perEdge,
          cacheKeyFn: taskKeyId,
        },
      ),
      tracker: new DataLoader(
        bounded((k: MemberKey) => ds.tracking.current(caller, k.workspaceId, k.userId)),
        {
          ...perEdge,
          cacheKeyFn: memberKeyId,
        },
      ),
    };
  }

  return {
    lists,
    member: new DataLoader(
      fromWorkspaceLists(
        (ws) => lists.allMembers(ws),
        (k: MemberKey) => k.userId,
        (m) => m.userId,
        'member',
      ),
      { cacheKeyFn: memberKeyId },
    ),
    project: new DataLoader(
      fromWorkspaceLists(
        (ws) => lists.allProjects(ws),
        (k: ProjectKey) => k.projectId,
        (p) => p.projectId,
        'project',
      ),
      { cacheKeyFn: projectKeyId },
    ),
    contract: new DataLoader(
      fromWorkspaceLists(
        (ws) => lists.allContracts(ws),
        (k: ContractKey) => k.contractId,
        (c) => c.contractId,
        'contract',
      ),
      { cacheKeyFn: contractKeyId },
    ),
    contractsOfMember: new DataLoader(
      groupedFromWorkspaceLists(
        (ws) => lists.allContracts(ws),
        (k: MemberKey) => k.userId,
        (c) => c.userId,
      ),
      { cacheKeyFn: memberKeyId },
    ),
    contractsOfProject: new DataLoader(
      groupedFromWorkspaceLists(
        (ws) => lists.allContracts(ws),
        (k: ProjectKey) => k.projectId,
        (c) => c.projectId,
      ),
      { cacheKeyFn: projectKeyId },
    ),
    task: new DataLoader(
      bounded(async (k: TaskKey) => {
        if (k.projectId == null) return ds.tasks.byId(caller, k.workspaceId, k.taskId);
        const found = (await lists.allTasks(k.workspaceId, k.projectId)).find((t) => t.taskId === k.taskId);
        if (!found) throw notFound('task', k.taskId, k.workspaceId);
        return found;
      }),
      { cacheKeyFn: taskKeyId },
    ),
    tracker: new DataLoader(
      bounded((k: MemberKey) => ds.tracking.current(caller, k.workspaceId, k.userId)),
      {
        cacheKeyFn: memberKeyId,
      },
    ),
  };
}
