import { createHash, createHmac } from 'node:crypto';
import { callerLogId } from '../logging/log-id.js';

/**
 * The one module that builds cache keys, tag names and the Redis key space around them.
 *
 * Why one module: a shared cache keyed without the caller's identity serves one user's data to another
 * (the failure mode of keying by method + URL alone). Every entry key therefore takes a `CallerScope`
 * as a required argument, so an unscoped key does not compile.
 */

/**
 * Who an entry belongs to: a hash of the caller's token, never the token itself, so keys and Redis
 * dumps carry no credential.
 */
export interface CallerScope {
  /** Part of cache and budget keys. Never log it: without a secret it is a plain SHA-256 of the token. */
  readonly id: string;
  /** What log lines name the caller by (see logging/log-id.ts): an HMAC, unrelated to `id`. */
  readonly logId: string;
}

/** Values a key parameter may take; `undefined` and `null` are dropped. */
export type KeyParamValue = string | number | boolean | undefined | null;

/**
 * Hashes a token into a caller scope: SHA-256 (HMAC-SHA-256 when `secret` is given, which stops anyone
 * who can read Redis from confirming a guessed token), hex, first 32 characters (128 bits). The plain
 * SHA-256 stays the default because instances without a shared secret must still share keys; logs
 * therefore never carry `id`, only `logId` (an HMAC with `secret`, or with a per-process random one).
 */
export function callerScope(token: string, secret?: string): CallerScope {
  const hash = secret === undefined ? createHash('sha256') : createHmac('sha256', secret);
  return { id: hash.update(token).digest('hex').slice(0, 32), logId: callerLogId(token, secret) };
}

/**
 * The key of one cached upstream read: `u:<scope>:<resource>:<params>`, where params are sorted by name,
 * `undefined`/`null` values are dropped and names and values are URI-encoded (so `&` or `=` inside a value
 * cannot make two different requests share a key). The same request always yields the same key,
 * whatever order the params were written in.
 *
 * The store prepends its own `<prefix>:v<schemaVersion>:`; this function does not.
 *
 * @throws Error when `resource` is empty or contains `:` (a programming error: it would make keys ambiguous).
 */
export function cacheKey(
  scope: CallerScope,
  resource: string,
  params: Record<string, KeyParamValue> = {},
): string {
  if (resource === '' || resource.includes(':')) {
    throw new Error(`cacheKey: expected a resource name without ':', got ${JSON.stringify(resource)}`);
  }
  return `u:${scope.id}:${resource}:${normaliseParams(params)}`;
}

/**
 * The per-request memo's key for "every page of a list": the key of the list's page 1 with `page`
 * replaced by `*` (no upstream page has that number), so it never equals a cache entry's key.
 */
export function allPagesKey(
  scope: CallerScope,
  resource: string,
  params: Record<string, KeyParamValue>,
): string {
  return cacheKey(scope, resource, { ...params, page: '*' });
}

/**
 * The key of an object in a per-request DataLoader: its workspace and upstream id. Loaders are per
 * caller already, so the key carries no scope.
 */
export function loaderKey(key: { workspaceId: Id; id: Id }): string {
  return `${key.workspaceId}:${key.id}`;
}

function normaliseParams(params: Record<string, KeyParamValue>): string {
  return Object.keys(params)
    .filter((name) => params[name] !== undefined && params[name] !== null)
    .sort()
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(String(params[name]))}`)
    .join('&');
}

type Id = string | number;

/**
 * Tag names. Tags are NOT caller-scoped on purpose: a write by one user must make every user's cached
 * reads of that data stale, so invalidating a tag reaches the entries of all callers. (The caller-scoped
 * tags for purging one caller's entries are `callerTags` below.)
 *
 * Tags do not nest: invalidating `ws:7` reaches only entries tagged `ws:7`. An entry that should go
 * when its whole workspace goes carries both `tags.workspace(7)` and the narrower tag.
 */
export const tags = {
  /** Everything cached about one workspace. */
  workspace: (wsId: Id): string => `ws:${wsId}`,
  /** One resource list of a workspace, e.g. `ws:7:contracts`. */
  workspaceResource: (wsId: Id, resource: string): string => `ws:${wsId}:${resource}`,
  /** One member of a workspace, e.g. `ws:7:member:42`. */
  member: (wsId: Id, userId: Id): string => `ws:${wsId}:member:${userId}`,
  /** Tracker state (running timer, today's totals) of one user in a workspace, e.g. `ws:7:tracker:42`. */
  tracker: (wsId: Id, userId: Id): string => `ws:${wsId}:tracker:${userId}`,
  /** One project of a workspace, e.g. `ws:7:project:9`. */
  project: (wsId: Id, projectId: Id): string => `ws:${wsId}:project:${projectId}`,
  /** One task of a workspace, e.g. `ws:7:task:31`. */
  task: (wsId: Id, taskId: Id): string => `ws:${wsId}:task:${taskId}`,
  /** The list of workspaces each caller can see (changes when a workspace or membership changes). */
  workspaceList: (): string => 'workspaces',
} as const;

/**
 * Caller-scoped tags. Every cached read also carries the tags of whose it is, so that when WebWork refuses
 * a caller (401/403) exactly that caller's entries can be purged, in every tier and on every instance,
 * without touching anyone else's. They start with `c:`, which no global tag does.
 *
 * - `all`: every entry of the caller (purged when the token itself is refused: 401);
 * - `workspace`: the caller's entries whose upstream request named that workspace (`workspace_id`);
 * - `workspaceList`: the caller's list of workspaces (the one read that names no workspace).
 */
export const callerTags = {
  all: (scope: CallerScope): string => `c:${scope.id}`,
  workspace: (scope: CallerScope, wsId: Id): string => `c:${scope.id}:ws:${wsId}`,
  workspaceList: (scope: CallerScope): string => `c:${scope.id}:workspaces`,
} as const;

/**
 * The caller tags one cached read carries, from the `workspace_id` its upstream request names (none:
 * it is the caller's workspace list). Added by the read path to the entry's global tags.
 */
export function callerEntryTags(scope: CallerScope, workspaceId: KeyParamValue): string[] {
  const own =
    workspaceId == null ? callerTags.workspaceList(scope) : callerTags.workspace(scope, String(workspaceId));
  return [callerTags.all(scope), own];
}

/** WebWork refused a caller: 401 (the token is not accepted) or 403, and the workspace the request named. */
export interface Refusal {
  readonly status: 401 | 403;
  readonly workspaceId?: Id;
}

/**
 * What a refusal purges of the caller's entries: on a 403 in a workspace, everything about that
 * workspace and the caller's workspace list (which still names it); on a 401, or a 403 that names no
 * workspace, everything the caller has.
 */
export function revokedTags(scope: CallerScope, refusal: Refusal): string[] {
  if (refusal.status === 403 && refusal.workspaceId !== undefined) {
    return [callerTags.workspace(scope, refusal.workspaceId), callerTags.workspaceList(scope)];
  }
  return [callerTags.all(scope)];
}

/**
 * The Redis key space of the shared cache: `<prefix>:v<schemaVersion>:`. Bumping the schema version
 * when the cached shape changes makes every instance ignore old entries at once (they expire on their own).
 */
export function cacheNamespace(prefix: string, schemaVersion: number): string {
  return `${prefix}:v${schemaVersion}:`;
}

/** The Redis SET (inside the cache namespace) that lists the entry keys carrying `tag`. */
export function tagSetKey(tag: string): string {
  return `tag:${tag}`;
}

/**
 * The Redis keys of one caller's upstream rate budget. Not versioned with the cache schema: the count
 * of calls already spent must survive a deploy that changes the cache shape.
 */
export function rateBudgetKeys(prefix: string, scope: CallerScope): { window: string; block: string } {
  return { window: `${prefix}:rate:${scope.id}`, block: `${prefix}:rate:${scope.id}:block` };
}

/** The Redis pub/sub channel over which instances broadcast invalidations (see invalidation-bus.ts). */
export function invalidationChannel(prefix: string): string {
  return `${prefix}:invalidations`;
}

/**
 * The key of a reused whole GraphQL response: the caller's scope plus a hash of the exact request
 * body (query, variables, operation name). In-process only (see server/whole-response-cache.ts).
 */
export function wholeResponseKey(scope: CallerScope, body: string): string {
  return `${scope.id}:${createHash('sha1').update(body).digest('base64url')}`;
}

/**
 * Where automatic persisted queries live in Redis: `<prefix>:pq:` + Apollo's own `apq:<sha256>`.
 * Not caller-scoped on purpose: a registered document is public text (the hash of a query anyone
 * may send), shared by every caller and instance; it carries no data and no credential.
 */
export function persistedQueryKeyPrefix(prefix: string): string {
  return `${prefix}:pq:`;
}
