import { ContractsApi } from './contracts.api.js';
import type { DatasourceDeps } from './deps.js';
import { MembersApi } from './members.api.js';
import { ProjectsApi } from './projects.api.js';
import { TasksApi } from './tasks.api.js';
import { TrackingApi } from './tracking.api.js';
import { WorkspacesApi } from './workspaces.api.js';

/** One datasource per upstream resource group, all on the same upstream client and cache. */
export function createDatasources(deps: DatasourceDeps) {
  return {
    workspaces: new WorkspacesApi(deps),
    members: new MembersApi(deps),
    projects: new ProjectsApi(deps),
    contracts: new ContractsApi(deps),
    tasks: new TasksApi(deps),
    tracking: new TrackingApi(deps),
  };
}

export type Datasources = ReturnType<typeof createDatasources>;
