import { notFound } from '../http/api-error.js';
import type { Profile } from '../profile.js';
import type { Membership, ViewerAccess } from '../state/model.js';
import { memberKey, type SimState } from '../state/store.js';

/** A viewer's membership plus its access record (which may be missing for odd data: no projects). */
export interface ViewerRecord {
  membership: Membership;
  access: ViewerAccess | undefined;
}

/** All project viewers of a workspace, every status (archived ones too, so they can be restored). */
export function viewersOf(state: SimState, workspaceId: number): ViewerRecord[] {
  return state
    .membersOf(workspaceId)
    .filter((m) => m.role === 'Project viewer')
    .map((membership) => ({
      membership,
      access: state.viewers.get(memberKey(workspaceId, membership.userId)),
    }));
}

/** One viewer by user id; a member with another role, or another workspace's viewer, is a 404. */
export function findViewer(state: SimState, workspaceId: number, viewerId: number): ViewerRecord {
  const membership = state.membership(workspaceId, viewerId);
  if (!membership || membership.role !== 'Project viewer') {
    throw notFound(`No project viewer with id ${viewerId} in workspace ${workspaceId}`);
  }
  return { membership, access: state.viewers.get(memberKey(workspaceId, viewerId)) };
}

/**
 * REFERENCE §9.7 ProjectViewer. `id` is an integer (doc set B) or the same id as a string (doc set
 * A), by profile `viewerIdType`.
 */
export function viewerView(state: SimState, record: ViewerRecord, profile: Profile): Record<string, unknown> {
  const user = state.users.get(record.membership.userId);
  const id = record.membership.userId;
  return {
    id: profile.viewerIdType === 'string' ? String(id) : id,
    email: user?.email ?? null,
    firstname: user?.firstname ?? null,
    lastname: user?.lastname ?? null,
    status: record.membership.status === 'unknown' ? 'inactive' : record.membership.status,
    member_since: record.access?.memberSince ?? record.membership.createdAt,
    projects: (record.access?.projectIds ?? []).map((projectId) => ({
      project_id: projectId,
      project_name: state.projects.get(projectId)?.name ?? null,
    })),
  };
}
