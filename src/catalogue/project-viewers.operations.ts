import { tags } from '../cache/keys.js';
import { toIsoDateTime } from './dates.js';
import { fromUpstream } from './enum-table.js';
import { MemberStatus, memberStatus } from './members.enums.js';
import { list, type Reads, write, type WriteOutcome } from './operation.js';
import { byIdRead, toldCreated } from './workspace-objects.js';

/** A project viewer: a client with read-only access to chosen projects (REFERENCE 9.7). */
export interface ProjectViewerRecord extends WriteOutcome {
  workspaceId: number;
  /** The viewer's user id. */
  viewerId: number;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  status: MemberStatus | null;
  memberSince: string | null;
  projects: { projectId: number; projectName: string | null }[];
}

interface WireProjectViewer {
  /** An integer in doc set B, a string in doc set A (GAPS Project Viewers): both are read. */
  id: number | string;
  email?: string | null;
  firstname?: string | null;
  lastname?: string | null;
  status?: string | null;
  member_since?: string | null;
  projects?: { project_id: number | string; project_name?: string | null }[];
}

const toViewer = (v: WireProjectViewer, { workspaceId }: { workspaceId: number }): ProjectViewerRecord => ({
  workspaceId,
  viewerId: Number(v.id),
  email: v.email ?? null,
  firstName: v.firstname ?? null,
  lastName: v.lastname ?? null,
  status: v.status == null ? null : fromUpstream(memberStatus.fromWire, v.status, 'project viewer status'),
  memberSince: toIsoDateTime(v.member_since),
  projects: (v.projects ?? []).map((p) => ({
    projectId: Number(p.project_id),
    projectName: p.project_name ?? null,
  })),
});

const viewerTags = (workspaceId: number) => [
  tags.workspace(workspaceId),
  tags.workspaceResource(workspaceId, 'project-viewers'),
];

export interface ProjectViewersArgs {
  workspaceId: number;
  /** Case-insensitive part of the email. */
  email?: string | null;
}

/** `GET /project-viewers` (Owners and Executive Managers): pages of 100; the docs show no pagination block. */
export const projectViewersList = list<ProjectViewersArgs, WireProjectViewer, ProjectViewerRecord>({
  name: 'projectViewers',
  path: '/project-viewers',
  cache: 'lists',
  query: (a) => ({ workspace_id: a.workspaceId, email: a.email }),
  tags: (a) => viewerTags(a.workspaceId),
  map: toViewer,
});

/** `GET /project-viewers/{viewerId}`: one viewer (a write's read-back). */
export const projectViewerById = byIdRead({
  name: 'projectViewer',
  path: '/project-viewers/{viewerId}',
  keyParam: 'viewer_id',
  tags: (a) => viewerTags(a.workspaceId),
  map: toViewer,
});

export interface CreateProjectViewerArgs {
  workspaceId: number;
  email: string;
  firstName: string;
  lastName: string;
}

export interface ProjectViewerRefArgs {
  workspaceId: number;
  viewerId: number;
}

export interface ProjectViewerProjectArgs extends ProjectViewerRefArgs {
  projectId: number;
}

/**
 * What a viewer write makes stale: the viewers list, the members list (a viewer is a member with
 * the role Project viewer) and the projects lists (what the viewer may see changes).
 */
const viewerStale = (a: { workspaceId: number }) => [
  tags.workspaceResource(a.workspaceId, 'project-viewers'),
  tags.workspaceResource(a.workspaceId, 'members'),
  tags.workspaceResource(a.workspaceId, 'projects'),
];

const readViewer = (reads: Reads, a: ProjectViewerRefArgs) =>
  reads.read(projectViewerById, { workspaceId: a.workspaceId, id: a.viewerId });

/** A viewer as a write's input tells it (restore/assign answer `data: null` in the docs). */
const toldViewer = (a: ProjectViewerRefArgs, status: MemberStatus | null): ProjectViewerRecord => ({
  workspaceId: a.workspaceId,
  viewerId: a.viewerId,
  email: null,
  firstName: null,
  lastName: null,
  status,
  memberSince: null,
  projects: [],
});

const viewerAction = (
  name: string,
  method: 'POST' | 'DELETE',
  path: string,
  verb: string,
  status: MemberStatus | null,
  applied: (state: ProjectViewerRecord, a: ProjectViewerProjectArgs) => boolean,
) =>
  write<ProjectViewerProjectArgs, WireProjectViewer | null, ProjectViewerRecord>({
    name,
    method,
    path,
    pathParams: (a) => ({ viewerId: a.viewerId }),
    verb,
    subject: 'project viewer',
    body: (a) => ({ workspace_id: a.workspaceId, project_id: a.projectId }),
    stale: viewerStale,
    told: (a, v) => (v ? toViewer(v, a) : toldViewer(a, status)),
    readBack: { read: readViewer, applied },
  });

/** `POST /project-viewers` (Owners and Executive Managers): invites a viewer; answers with it. */
export const createProjectViewer = write<
  CreateProjectViewerArgs,
  WireProjectViewer | null,
  ProjectViewerRecord
>({
  name: 'createProjectViewer',
  method: 'POST',
  path: '/project-viewers',
  verb: 'project viewer creation',
  subject: 'project viewers list',
  body: (a) => ({
    workspace_id: a.workspaceId,
    email: a.email,
    firstname: a.firstName,
    lastname: a.lastName,
  }),
  stale: viewerStale,
  told: toldCreated('project viewer', 'project viewers', toViewer),
});

/** `DELETE /project-viewers/{viewerId}`: archives the viewer (restorable). */
export const deleteProjectViewer = write<ProjectViewerRefArgs, WireProjectViewer | null, ProjectViewerRecord>(
  {
    name: 'deleteProjectViewer',
    method: 'DELETE',
    path: '/project-viewers/{viewerId}',
    pathParams: (a) => ({ viewerId: a.viewerId }),
    verb: 'project viewer archive',
    subject: 'project viewer',
    body: (a) => ({ workspace_id: a.workspaceId }),
    stale: viewerStale,
    told: (a, v) => (v ? toViewer(v, a) : toldViewer(a, MemberStatus.LEFT)),
    readBack: { read: readViewer, applied: (state) => state.status === MemberStatus.LEFT },
  },
);

/** `POST /project-viewers/{viewerId}/restore`: answers `data: null` (docs), so the viewer is read back. */
export const restoreProjectViewer = write<
  ProjectViewerRefArgs,
  WireProjectViewer | null,
  ProjectViewerRecord
>({
  name: 'restoreProjectViewer',
  method: 'POST',
  path: '/project-viewers/{viewerId}/restore',
  pathParams: (a) => ({ viewerId: a.viewerId }),
  verb: 'project viewer restore',
  subject: 'project viewer',
  body: (a) => ({ workspace_id: a.workspaceId }),
  stale: viewerStale,
  told: (a, v) => (v ? toViewer(v, a) : toldViewer(a, MemberStatus.ACTIVE)),
  readBack: { read: readViewer, applied: (state) => state.status === MemberStatus.ACTIVE },
});

/** `POST /project-viewers/{viewerId}/assign-project`: read-only access to one more project. */
export const assignProjectViewer = viewerAction(
  'assignProjectViewer',
  'POST',
  '/project-viewers/{viewerId}/assign-project',
  'project assignment',
  null,
  (state, a) => state.projects.some((p) => p.projectId === a.projectId),
);

/** `DELETE /project-viewers/{viewerId}/unassign-project` (`project_id` in the body). */
export const unassignProjectViewer = viewerAction(
  'unassignProjectViewer',
  'DELETE',
  '/project-viewers/{viewerId}/unassign-project',
  'project unassignment',
  null,
  (state, a) => !state.projects.some((p) => p.projectId === a.projectId),
);
