import DataLoader from 'dataloader';
import pLimit from 'p-limit';
import { loaderKey } from '../cache/keys.js';
import { contractById, contractsList, type ContractRecord } from '../catalogue/contracts.operations.js';
import { memberById, membersList, type MemberRecord } from '../catalogue/members.operations.js';
import type { ListOperation, ReadOperation } from '../catalogue/operation.js';
import { projectById, projectsList, type ProjectRecord } from '../catalogue/projects.operations.js';
import { taskById, tasksList, type TaskRecord } from '../catalogue/tasks.operations.js';
import { trackerCurrent, type TrackerRecord } from '../catalogue/tracking.operations.js';
import type { Caller } from '../datasources/caller.js';
import type { Operations } from '../datasources/operations.js';
import { GatewayError } from '../errors/gateway-error.js';
import { liveTrackerBatch, type LiveTrackerDeps } from '../live/tracker-reads.js';
import { RequestMemo } from './request-memo.js';

/** An object of a workspace by its upstream id (user id for members and trackers). */
export interface NodeKey {
  workspaceId: number;
  id: number;
}

export interface TaskKey extends NodeKey {
  /** When known, the task is found in its project's (shared, cached) task list. */
  projectId?: number | null;
}

/**
 * The per-request DataLoaders. Created for one caller and one GraphQL operation; never shared
 * (a loader's memo holds what that caller may see). Batch functions keep DataLoader's contract:
 * one result per key, in key order, an Error in place of a key that has none.
 *
 * `batched` (default): by-id lookups are served from the workspace's list pages (one upstream
 * call per 100 items, shared with connections through the request memo), tasks from their
 * project's list, trackers fan out one call per member with bounded concurrency.
 * `naive`: one upstream call per edge, no memo. Only for benchmarks, to measure what batching saves.
 */
export interface Loaders {
  readonly memo: RequestMemo;
  readonly member: DataLoader<NodeKey, MemberRecord, string>;
  readonly project: DataLoader<NodeKey, ProjectRecord, string>;
  readonly contract: DataLoader<NodeKey, ContractRecord, string>;
  /** Contracts of a member (`id`: user id). */
  readonly contractsOfMember: DataLoader<NodeKey, ContractRecord[], string>;
  /** Contracts of a project (`id`: project id). */
  readonly contractsOfProject: DataLoader<NodeKey, ContractRecord[], string>;
  readonly task: DataLoader<TaskKey, TaskRecord, string>;
  /** A member's live tracker (`id`: user id). */
  readonly tracker: DataLoader<NodeKey, TrackerRecord, string>;
}

export interface LoaderOptions {
  mode: 'batched' | 'naive';
  /** Upstream calls one fan-out may have in flight (trackers). */
  fanOutConcurrency: number;
  /** The live tracker store (issue 10); without it (and in `naive` mode) trackers are read upstream only. */
  live?: LiveTrackerDeps;
}

type WorkspaceList<R> = ListOperation<{ workspaceId: number }, never, R>;

const notFound = (what: string, id: number, workspaceId: number) =>
  new GatewayError('NOT_FOUND', `No ${what} ${id} in workspace ${workspaceId} that you can see.`);

/** Runs one call per key (bounded), turning failures into per-key errors. */
function fanOut<K, R>(call: (key: K) => Promise<R>, concurrency: number) {
  const limit = pLimit(concurrency);
  return (keys: readonly K[]): Promise<(R | Error)[]> =>
    Promise.all(keys.map((key) => limit(() => call(key)).catch((error: Error) => error)));
}

/**
 * Resolves each key from its workspace's whole list (read once per request), through an index
 * built once per list: `indexBy` says which field a key's id is matched against.
 */
function fromWorkspaceList<R, V>(
  all: (workspaceId: number) => Promise<R[]>,
  indexBy: (record: R) => number,
  answer: (rows: R[] | undefined, key: NodeKey) => V | Error,
) {
  const indexes = new WeakMap<R[], Map<number, R[]>>();
  const indexOf = (rows: R[]): Map<number, R[]> => {
    let index = indexes.get(rows);
    if (!index) {
      index = new Map();
      for (const row of rows) {
        const group = index.get(indexBy(row));
        if (group) group.push(row);
        else index.set(indexBy(row), [row]);
      }
      indexes.set(rows, index);
    }
    return index;
  };
  return (keys: readonly NodeKey[]): Promise<(V | Error)[]> =>
    Promise.all(
      keys.map(async (key) => {
        try {
          return answer(indexOf(await all(key.workspaceId)).get(key.id), key);
        } catch (error) {
          return error as Error;
        }
      }),
    );
}

export function createLoaders(caller: Caller, ops: Operations, options: LoaderOptions): Loaders {
  const memo = new RequestMemo(caller, ops);
  const bounded = <K, R>(call: (key: K) => Promise<R>) => fanOut(call, options.fanOutConcurrency);
  const naive = options.mode === 'naive';
  const loaderOptions = naive
    ? { batch: false, cache: false, cacheKeyFn: loaderKey }
    : { cacheKeyFn: loaderKey };

  /** One object by id: from its workspace list, or (naive) one by-id call per edge. */
  const node = <R>(
    list: WorkspaceList<R>,
    byId: ReadOperation<NodeKey, never, R>,
    idOf: (r: R) => number,
    what: string,
  ) =>
    new DataLoader<NodeKey, R, string>(
      naive
        ? bounded((key) => ops.read(caller, byId, key))
        : fromWorkspaceList(
            (workspaceId) => memo.all(list, { workspaceId }),
            idOf,
            (rows, key) => rows?.[0] ?? notFound(what, key.id, key.workspaceId),
          ),
      loaderOptions,
    );

  /** The records of a list whose `field` is the key's id: the workspace list grouped, or (naive) a filtered list. */
  const group = <R>(
    list: ListOperation<{ workspaceId: number; userId?: number; projectId?: number }, never, R>,
    field: 'userId' | 'projectId',
    groupOf: (r: R) => number,
  ) =>
    new DataLoader<NodeKey, R[], string>(
      naive
        ? bounded((key) => ops.all(caller, list, { workspaceId: key.workspaceId, [field]: key.id }))
        : fromWorkspaceList(
            (workspaceId) => memo.all(list, { workspaceId }),
            groupOf,
            (rows) => rows ?? [],
          ),
      loaderOptions,
    );

  return {
    memo,
    member: node(membersList, memberById, (m) => m.userId, 'member'),
    project: node(projectsList, projectById, (p) => p.projectId, 'project'),
    contract: node(contractsList, contractById, (c) => c.contractId, 'contract'),
    contractsOfMember: group(contractsList, 'userId', (c) => c.userId),
    contractsOfProject: group(contractsList, 'projectId', (c) => c.projectId),
    task: new DataLoader<TaskKey, TaskRecord, string>(
      bounded(async (k) => {
        if (naive || k.projectId == null) return ops.read(caller, taskById, k);
        const all = await memo.all(tasksList, { workspaceId: k.workspaceId, projectId: k.projectId });
        const found = all.find((t) => t.taskId === k.id);
        if (!found) throw notFound('task', k.id, k.workspaceId);
        return found;
      }),
      loaderOptions,
    ),
    tracker: new DataLoader<NodeKey, TrackerRecord, string>(
      options.live && !naive
        ? liveTrackerBatch(caller, ops, memo, options.live, options.fanOutConcurrency)
        : bounded((k) => ops.read(caller, trackerCurrent, { workspaceId: k.workspaceId, userId: k.id })),
      loaderOptions,
    ),
  };
}
