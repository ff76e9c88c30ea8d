import type { Caller } from '../datasources/caller.js';
import type { ContractFilters, ContractRecord } from '../datasources/contracts.api.js';
import type { Datasources } from '../datasources/index.js';
import type { MemberFilters, MemberRecord } from '../datasources/members.api.js';
import { allPages, type UpstreamPage } from '../datasources/paging.js';
import type { ProjectFilters, ProjectRecord } from '../datasources/projects.api.js';
import type { TaskFilters, TaskRecord } from '../datasources/tasks.api.js';
import type { WorkspaceRecord } from '../datasources/workspaces.api.js';

/**
 * The upstream list pages one GraphQL operation reads, each fetched at most once per operation
 * (even with the shared cache off), so a connection's page 1 and a by-id lookup served from the
 * same list share one upstream call. Per request, like the loaders built on it: never shared
 * between callers.
 */
export class RequestLists {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    private readonly caller: Caller,
    private readonly ds: Datasources,
  ) {}

  workspaces(): Promise<WorkspaceRecord[]> {
    return this.once('workspaces', () => this.ds.workspaces.list(this.caller));
  }

  membersPage(
    workspaceId: number,
    filters: MemberFilters,
    page: number,
  ): Promise<UpstreamPage<MemberRecord>> {
    return this.once(`members:${workspaceId}:${JSON.stringify(filters)}:${page}`, () =>
      this.ds.members.page(this.caller, workspaceId, filters, page),
    );
  }

  allMembers(workspaceId: number): Promise<MemberRecord[]> {
    return this.once(`members:${workspaceId}:all`, () =>
      allPages((page) => this.membersPage(workspaceId, {}, page)),
    );
  }

  projectsPage(
    workspaceId: number,
    filters: ProjectFilters,
    page: number,
  ): Promise<UpstreamPage<ProjectRecord>> {
    return this.once(`projects:${workspaceId}:${JSON.stringify(filters)}:${page}`, () =>
      this.ds.projects.page(this.caller, workspaceId, filters, page),
    );
  }

  allProjects(workspaceId: number): Promise<ProjectRecord[]> {
    return this.once(`projects:${workspaceId}:all`, () =>
      allPages((page) => this.projectsPage(workspaceId, {}, page)),
    );
  }

  contractsPage(
    workspaceId: number,
    filters: ContractFilters,
    page: number,
  ): Promise<UpstreamPage<ContractRecord>> {
    return this.once(`contracts:${workspaceId}:${JSON.stringify(filters)}:${page}`, () =>
      this.ds.contracts.page(this.caller, workspaceId, filters, page),
    );
  }

  allContracts(workspaceId: number): Promise<ContractRecord[]> {
    return this.once(`contracts:${workspaceId}:all`, () =>
      allPages((page) => this.contractsPage(workspaceId, {}, page)),
    );
  }

  tasksPage(
    workspaceId: number,
    projectId: number,
    filters: TaskFilters,
    page: number,
  ): Promise<UpstreamPage<TaskRecord>> {
    return this.once(`tasks:${workspaceId}:${projectId}:${JSON.stringify(filters)}:${page}`, () =>
      this.ds.tasks.page(this.caller, workspaceId, projectId, filters, page),
    );
  }

  allTasks(workspaceId: number, projectId: number): Promise<TaskRecord[]> {
    return this.once(`tasks:${workspaceId}:${projectId}:all`, () =>
      allPages((page) => this.tasksPage(workspaceId, projectId, {}, page)),
    );
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let promise = this.memo.get(key) as Promise<T> | undefined;
    if (!promise) {
      promise = load();
      this.memo.set(key, promise);
    }
    return promise;
  }
}
