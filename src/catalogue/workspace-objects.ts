import { tags } from '../cache/keys.js';
import { GatewayError } from '../errors/gateway-error.js';
import { read, type ReadOperation } from './operation.js';

/**
 * The descriptor parts every group of workspace objects (members, projects, contracts, project
 * viewers, ...) shares: where one object is, how it is read by id, which tags a workspace's list
 * is filed under and what a create that does not tell its id means. A group's file says only what
 * is its own.
 */

/** The arguments of a by-id read: an object of a workspace by its integer id. */
export interface ByIdArgs {
  workspaceId: number;
  id: number;
}

/** `/members/{memberId}` → `memberId`: the one placeholder of an object's path. */
function placeholderOf(path: string): string {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  if (names.length !== 1) throw new Error(`${path}: expected one {placeholder}, found ${names.length}`);
  return names[0]!;
}

/** The tags a workspace's list of `resource` is filed under: the workspace's and the list's own. */
export const workspaceListTags =
  (resource: string) =>
  (a: { workspaceId: number }): string[] => [
    tags.workspace(a.workspaceId),
    tags.workspaceResource(a.workspaceId, resource),
  ];

/**
 * `GET <path>?workspace_id=`: one object of a workspace by its integer id, cached with the lists.
 * Its cache key names the workspace and the id (`keyParam`, e.g. `user_id`).
 */
export function byIdRead<W, R>(spec: {
  name: string;
  path: string;
  keyParam: string;
  tags: (args: ByIdArgs) => string[];
  map: (wire: W, args: ByIdArgs) => R;
}): ReadOperation<ByIdArgs, W, R> {
  const param = placeholderOf(spec.path);
  return read<ByIdArgs, W, R>({
    name: spec.name,
    path: spec.path,
    pathParams: (a) => ({ [param]: a.id }),
    cache: 'lists',
    query: (a) => ({ workspace_id: a.workspaceId }),
    key: (a) => ({ workspace_id: a.workspaceId, [spec.keyParam]: a.id }),
    tags: spec.tags,
    map: (wire, a) => spec.map(wire!, a),
  });
}

/** Where a write on one object goes: its path, the object's id in it, and `?workspace_id=`. */
export function objectPath<A extends { workspaceId: number }>(
  path: string,
  id: (args: A) => number | string,
) {
  const param = placeholderOf(path);
  return {
    path,
    pathParams: (a: A) => ({ [param]: id(a) }),
    query: (a: A) => ({ workspace_id: a.workspaceId }),
  };
}

/**
 * The `told` of a create that answers with the new object, the only place its id is told: without
 * it nothing can be read back, so the error says what to read before creating it again.
 */
export const toldCreated =
  <A, W, R>(what: string, readFirst: string, map: (wire: W, args: A) => R) =>
  (a: A, wire: W | null | undefined): R => {
    if (!wire) {
      throw new GatewayError(
        'UPSTREAM_UNAVAILABLE',
        `WebWork created the ${what} but did not tell its id; read the ${readFirst} before creating it again.`,
      );
    }
    return map(wire, a);
  };
