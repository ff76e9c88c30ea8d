import { tags } from '../cache/keys.js';
import { MemberRole, memberRoleLabels } from '../schema/enums/member-role.enum.js';
import { MemberStatus } from '../schema/enums/member-status.enum.js';
import { fromUpstream, invert } from '../schema/enums/enum-mapping.js';
import type { Caller } from './caller.js';
import { toIsoDateTime } from './dates.js';
import type { DatasourceDeps } from './deps.js';
import { allPages, pageFrom, UPSTREAM_PAGE_SIZE } from './paging.js';

export interface WorkspaceRecord {
  workspaceId: number;
  name: string;
  ownerId: number;
  /** The caller's own user id, role and status in this workspace. */
  viewerUserId: number;
  viewerRole: MemberRole;
  viewerStatus: MemberStatus;
  createdAt: string | null;
  activatedAt: string | null;
}

interface WireWorkspace {
  id: number;
  owner_id: number;
  user_id: number;
  workspace_name: string;
  role: string;
  status: string;
  created_at?: string;
  activated_at?: string;
}

export const roleFromLabel = invert(memberRoleLabels);
export const statusFromLabel: Record<string, MemberStatus> = {
  active: MemberStatus.ACTIVE,
  inactive: MemberStatus.INACTIVE,
  left: MemberStatus.LEFT,
  unknown: MemberStatus.UNKNOWN,
};

const toWorkspace = (w: WireWorkspace): WorkspaceRecord => ({
  workspaceId: w.id,
  name: w.workspace_name,
  ownerId: w.owner_id,
  viewerUserId: w.user_id,
  viewerRole: fromUpstream(roleFromLabel, w.role, 'workspace role'),
  viewerStatus: fromUpstream(statusFromLabel, w.status, 'workspace status'),
  createdAt: toIsoDateTime(w.created_at),
  activatedAt: toIsoDateTime(w.activated_at),
});

/** `GET /workspaces`: the only workspace operation WebWork has (no get-by-id). */
export class WorkspacesApi {
  constructor(private readonly deps: DatasourceDeps) {}

  list(caller: Caller): Promise<WorkspaceRecord[]> {
    const { upstream, reader, cacheConfig } = this.deps;
    const policy = {
      ttlSeconds: cacheConfig.ttl.workspaces,
      staleSeconds: cacheConfig.staleSeconds,
      tags: [tags.workspaceList()],
    };
    return reader.read(caller, 'workspaces', {}, policy, () =>
      allPages(async (page) =>
        pageFrom(
          await upstream.get<WireWorkspace[]>(caller, '/workspaces', { page, per_page: UPSTREAM_PAGE_SIZE }),
          toWorkspace,
        ),
      ),
    );
  }
}
