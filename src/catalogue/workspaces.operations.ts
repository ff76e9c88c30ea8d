import { tags } from '../cache/keys.js';
import { toIsoDateTime } from './dates.js';
import { fromUpstream } from './enum-table.js';
import { type MemberRole, type MemberStatus, memberRole, memberStatus } from './members.enums.js';
import { list } from './operation.js';

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

/**
 * `GET /workspaces`: the only workspace operation WebWork has (no get-by-id). The whole list is one
 * cache entry: every request starts from it.
 */
export const workspacesList = list<Record<string, never>, WireWorkspace, WorkspaceRecord>({
  name: 'workspaces',
  path: '/workspaces',
  cache: 'workspaces',
  entry: 'whole',
  tags: () => [tags.workspaceList()],
  map: (w) => ({
    workspaceId: w.id,
    name: w.workspace_name,
    ownerId: w.owner_id,
    viewerUserId: w.user_id,
    viewerRole: fromUpstream(memberRole.fromWire, w.role, 'workspace role'),
    viewerStatus: fromUpstream(memberStatus.fromWire, w.status, 'workspace status'),
    createdAt: toIsoDateTime(w.created_at),
    activatedAt: toIsoDateTime(w.activated_at),
  }),
});
