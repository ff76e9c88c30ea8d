import { tags } from '../cache/keys.js';
import type { Caller } from './caller.js';
import { toIsoDate, toIsoDateTime } from './dates.js';
import type { DatasourceDeps } from './deps.js';
import { readOne, readPage } from './list-reads.js';
import { allPages, UPSTREAM_PAGE_SIZE, type UpstreamPage } from './paging.js';

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

export interface ProjectFilters {
  name?: string;
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

export const toProject =
  (workspaceId: number) =>
  (p: WireProject): ProjectRecord => ({
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

/** `GET /projects` (pages) and `GET /projects/{id}`. */
export class ProjectsApi {
  constructor(private readonly deps: DatasourceDeps) {}

  page(
    caller: Caller,
    workspaceId: number,
    filters: ProjectFilters,
    page: number,
  ): Promise<UpstreamPage<ProjectRecord>> {
    return readPage(this.deps, caller, {
      resource: 'projects',
      path: '/projects',
      query: { workspace_id: workspaceId, page, per_page: UPSTREAM_PAGE_SIZE, ...filters },
      tags: [tags.workspace(workspaceId), tags.workspaceResource(workspaceId, 'projects')],
      map: toProject(workspaceId),
    });
  }

  all(caller: Caller, workspaceId: number): Promise<ProjectRecord[]> {
    return allPages((page) => this.page(caller, workspaceId, {}, page));
  }

  byId(caller: Caller, workspaceId: number, projectId: number): Promise<ProjectRecord> {
    return readOne(this.deps, caller, {
      resource: 'project',
      path: `/projects/${projectId}`,
      query: { workspace_id: workspaceId },
      keyParams: { workspace_id: workspaceId, project_id: projectId },
      tags: [tags.workspace(workspaceId), tags.project(workspaceId, projectId)],
      map: toProject(workspaceId),
    });
  }
}
