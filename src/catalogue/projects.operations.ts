import { tags } from '../cache/keys.js';
import { toIsoDate, toIsoDateTime } from './dates.js';
import { list, read } from './operation.js';

export interface ProjectTagRecord {
  tagId: number;
  name: string;
  color: string | null;
}

export interface ProjectRecord {
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
  tags: (a) => [tags.workspace(a.workspaceId), tags.workspaceResource(a.workspaceId, 'projects')],
  map: toProject,
});

/** `GET /projects/{projectId}`: one project (the naive loader mode only). */
export const projectById = read<{ workspaceId: number; id: number }, WireProject, ProjectRecord>({
  name: 'project',
  path: '/projects/{projectId}',
  pathParams: (a) => ({ projectId: a.id }),
  cache: 'lists',
  query: (a) => ({ workspace_id: a.workspaceId }),
  key: (a) => ({ workspace_id: a.workspaceId, project_id: a.id }),
  tags: (a) => [tags.workspace(a.workspaceId), tags.project(a.workspaceId, a.id)],
  map: (p, a) => toProject(p!, a),
});
