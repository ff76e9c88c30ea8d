import { tags } from '../cache/keys.js';
import { toIsoDate, toIsoDateTime } from './dates.js';
import { list, type Reads, write, type WriteOutcome } from './operation.js';
import { byIdRead, objectPath, toldCreated, workspaceListTags } from './workspace-objects.js';

export interface ProjectTagRecord {
  tagId: number;
  name: string;
  color: string | null;
}

export interface ProjectRecord extends WriteOutcome {
  workspaceId: number;
  projectId: number;
  name: string;
  ownerId: number;
  startDate: string | null;
  deadline: string | null;
  estimatedHours: number | null;
  budget: number | null;
  notes: string | null;
  icon: string | null;
  isBillable: boolean | null;
  rate: number | null;
  weeklyHoursLimit: number | null;
  screenshots: string | null;
  tags: ProjectTagRecord[];
  contractsCount: number | null;
  /** Upstream `status` code; its meaning is undocumented (GAPS: Projects), so it is passed on raw. */
  statusCode: number | null;
  createdAt: string | null;
  updatedAt: string | null;
  archivedAt: string | null;
}

interface WireProject {
  id: number;
  name: string;
  owner_id: number;
  start_date?: string | null;
  deadline?: string | null;
  estimation?: number | null;
  budget_estimation?: number | null;
  notes?: string | null;
  icon?: string | null;
  is_billable?: boolean | null;
  rate?: number | null;
  weekly_hours_limit?: number | null;
  screenshots?: string | null;
  tags?: { id: number; name: string; color?: string | null }[];
  contracts_count?: number | null;
  status?: number | null;
  created_at?: string | null;
  updated_at?: string | null;
  deleted_at?: string | null;
}

const toProject = (p: WireProject, { workspaceId }: { workspaceId: number }): ProjectRecord => ({
  workspaceId,
  projectId: p.id,
  name: p.name,
  ownerId: p.owner_id,
  startDate: toIsoDate(p.start_date),
  deadline: toIsoDate(p.deadline),
  estimatedHours: p.estimation ?? null,
  budget: p.budget_estimation ?? null,
  notes: p.notes ?? null,
  icon: p.icon ?? null,
  isBillable: p.is_billable ?? null,
  rate: p.rate ?? null,
  weeklyHoursLimit: p.weekly_hours_limit ?? null,
  screenshots: p.screenshots ?? null,
  tags: (p.tags ?? []).map((t) => ({ tagId: t.id, name: t.name, color: t.color ?? null })),
  contractsCount: p.contracts_count ?? null,
  statusCode: p.status ?? null,
  createdAt: toIsoDateTime(p.created_at),
  updatedAt: toIsoDateTime(p.updated_at),
  archivedAt: toIsoDateTime(p.deleted_at),
});

export interface ProjectsArgs {
  workspaceId: number;
  /** Search by name. */
  name?: string | null;
}

/** `GET /projects`: pages of 100 that also serve every by-id lookup of the request. */
export const projectsList = list<ProjectsArgs, WireProject, ProjectRecord>({
  name: 'projects',
  path: '/projects',
  cache: 'lists',
  query: (a) => ({ workspace_id: a.workspaceId, name: a.name }),
  tags: workspaceListTags('projects'),
  map: toProject,
});

/** `GET /projects/{projectId}`: one project (the naive loader mode only). */
export const projectById = byIdRead({
  name: 'project',
  path: '/projects/{projectId}',
  keyParam: 'project_id',
  tags: (a) => [tags.workspace(a.workspaceId), tags.project(a.workspaceId, a.id)],
  map: toProject,
});

/** The writable fields of a project (create and update), in gateway spelling. */
export interface ProjectFields {
  name?: string | null;
  startDate?: string | null;
  deadline?: string | null;
  estimatedHours?: number | null;
  budget?: number | null;
  notes?: string | null;
  icon?: string | null;
}

export interface CreateProjectArgs extends ProjectFields {
  workspaceId: number;
  name: string;
}

export interface UpdateProjectArgs extends ProjectFields {
  workspaceId: number;
  projectId: number;
}

export interface ProjectRefArgs {
  workspaceId: number;
  projectId: number;
}

const projectBody = (a: { workspaceId: number } & ProjectFields) => ({
  workspace_id: a.workspaceId,
  name: a.name,
  start_date: a.startDate,
  deadline: a.deadline,
  estimation: a.estimatedHours,
  budget: a.budget,
  notes: a.notes,
  icon: a.icon,
});

/**
 * What a project write makes stale: the workspace's project list (it also serves by-id lookups)
 * and the project by id. Contracts carry project names and counts, so they are stale too.
 */
const projectStale = (a: { workspaceId: number; projectId?: number }) => [
  tags.workspaceResource(a.workspaceId, 'projects'),
  tags.workspaceResource(a.workspaceId, 'contracts'),
  ...(a.projectId === undefined ? [] : [tags.project(a.workspaceId, a.projectId)]),
];

/** A project known only by its id (a write told nothing and could not be read back). */
const blankProject = (workspaceId: number, projectId: number, fields: ProjectFields = {}): ProjectRecord => ({
  workspaceId,
  projectId,
  name: fields.name ?? '',
  ownerId: 0,
  startDate: fields.startDate ?? null,
  deadline: fields.deadline ?? null,
  estimatedHours: fields.estimatedHours ?? null,
  budget: fields.budget ?? null,
  notes: fields.notes ?? null,
  icon: fields.icon ?? null,
  isBillable: null,
  rate: null,
  weeklyHoursLimit: null,
  screenshots: null,
  tags: [],
  contractsCount: null,
  statusCode: null,
  createdAt: null,
  updatedAt: null,
  archivedAt: null,
});

const readProject = (reads: Reads, a: ProjectRefArgs) =>
  reads.read(projectById, { workspaceId: a.workspaceId, id: a.projectId });

/**
 * `POST /projects` (Owners and Executive Managers). WebWork answers with the new project, the only
 * place its id is told, so the answer is the state (there is nothing to read back by).
 */
export const createProject = write<CreateProjectArgs, WireProject | null, ProjectRecord>({
  name: 'createProject',
  method: 'POST',
  path: '/projects',
  verb: 'project creation',
  subject: 'projects list',
  body: projectBody,
  stale: (a) => projectStale({ workspaceId: a.workspaceId }),
  told: toldCreated('project', 'projects list', toProject),
});

/** `PUT /projects/{projectId}`: partial update, then the project read back. */
export const updateProject = write<UpdateProjectArgs, WireProject | null, ProjectRecord>({
  name: 'updateProject',
  method: 'PUT',
  ...objectPath('/projects/{projectId}', (a: ProjectRefArgs) => a.projectId),
  verb: 'project update',
  subject: 'project',
  body: projectBody,
  stale: projectStale,
  told: (a, p) => (p ? toProject(p, a) : blankProject(a.workspaceId, a.projectId, a)),
  readBack: { read: readProject },
});

/** `DELETE /projects/{projectId}`: archives it (still readable by id, with `archivedAt`). */
export const deleteProject = write<ProjectRefArgs, WireProject | null, ProjectRecord>({
  name: 'deleteProject',
  method: 'DELETE',
  ...objectPath('/projects/{projectId}', (a: ProjectRefArgs) => a.projectId),
  verb: 'project archive',
  subject: 'project',
  stale: projectStale,
  told: (a, p) => (p ? toProject(p, a) : blankProject(a.workspaceId, a.projectId)),
  readBack: { read: readProject, applied: (state) => state.archivedAt !== null },
});
