import { MemberRole, MemberStatus } from '../catalogue/members.enums.js';
import { workspacesList } from '../catalogue/workspaces.operations.js';
import type { RequestMemo } from '../loaders/request-memo.js';

const READ_OTHERS: ReadonlySet<MemberRole> = new Set([MemberRole.OWNER, MemberRole.EXECUTIVE_MANAGER]);

/**
 * Whether the caller may be answered from the shared tracker store for members of `workspaceId`.
 *
 * The store is not caller-scoped, so this must be settled by the caller's own reads first. Rule:
 * the caller's workspace list (their token, through the caller-scoped cache, usually already read
 * by this request) names the workspace with them ACTIVE as Owner or Executive Manager: the roles
 * WebWork lets read any member's tracker (REFERENCE §10.11, doc set A). Anyone else (a Regular
 * User, a Team manager, someone outside the workspace, or when that read fails) is answered as
 * before the store existed: by their own caller-scoped current-data read, which is also WebWork's
 * access check, even for their own tracker (docs-exact refuses non-admins that too).
 *
 * A role change reaches this rule when the cached workspace list does (CACHE_TTL_WORKSPACES_SECONDS,
 * or at once when WebWork refuses the caller: a 401/403 purges their cached entries).
 */
export async function mayReadFromStore(memo: RequestMemo, workspaceId: number): Promise<boolean> {
  try {
    const workspaces = await memo.all(workspacesList, {});
    const ws = workspaces.find((w) => w.workspaceId === workspaceId);
    return ws !== undefined && ws.viewerStatus === MemberStatus.ACTIVE && READ_OTHERS.has(ws.viewerRole);
  } catch {
    return false;
  }
}
