import { callerTags } from '../../cache/keys.js';
import { MemberStatus } from '../../catalogue/members.enums.js';
import { workspacesList, type WorkspaceRecord } from '../../catalogue/workspaces.operations.js';
import type { CachedReader } from '../../datasources/cached-reader.js';
import type { Caller } from '../../datasources/caller.js';
import type { Operations } from '../../datasources/operations.js';
import { GatewayError } from '../../errors/gateway-error.js';

/** Failures that prove the caller may not read the workspace (others only say WebWork could not tell). */
const REVOKING: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);
export const provesNoAccess = (error: unknown): boolean =>
  error instanceof GatewayError && REVOKING.has(error.code);

/**
 * Whether a caller may read a workspace, decided as a query decides it: the caller's own workspace
 * list (GET /workspaces, the only workspace read WebWork has), through the caller-scoped cache.
 * A recheck therefore sees a revocation once that list is re-read: when its entry expires
 * (CACHE_TTL_WORKSPACES_SECONDS), when any read of the caller is refused (401/403 purge the
 * caller's entries, cached-reader.ts), or at once with `fresh`, which drops the caller's cached
 * list first (used when a member event names the caller).
 */
export class WorkspaceAccess {
  constructor(
    private readonly operations: Operations,
    private readonly reader: CachedReader,
  ) {}

  /** The caller's workspaces (UNAUTHENTICATED when WebWork refuses the token). */
  workspaces(caller: Caller): Promise<WorkspaceRecord[]> {
    return this.operations.all(caller, workspacesList, {});
  }

  /** The caller's own record of the workspace (their user id and role in it); NOT_FOUND or FORBIDDEN otherwise. */
  async check(
    caller: Caller,
    workspaceId: number,
    options: { fresh?: boolean } = {},
  ): Promise<WorkspaceRecord> {
    if (options.fresh) await this.reader.invalidate([callerTags.workspaceList(caller.scope)]);
    const all = await this.workspaces(caller);
    const own = all.find((w) => w.workspaceId === workspaceId);
    if (!own) {
      throw new GatewayError(
        'NOT_FOUND',
        `No workspace ${workspaceId} among yours: subscribe to a workspace listed by the workspaces query.`,
      );
    }
    if (own.viewerStatus === MemberStatus.LEFT) {
      throw new GatewayError('FORBIDDEN', `You were archived from workspace ${workspaceId}.`);
    }
    return own;
  }
}
