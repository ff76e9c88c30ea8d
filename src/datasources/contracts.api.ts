import { tags } from '../cache/keys.js';
import { ContractStatus, rateSourceByCode, type RateSource } from '../schema/enums/contract.enums.js';
import { fromUpstream } from '../schema/enums/enum-mapping.js';
import type { Caller } from './caller.js';
import { toIsoDateTime } from './dates.js';
import type { DatasourceDeps } from './deps.js';
import { readOne, readPage } from './list-reads.js';
import { allPages, UPSTREAM_PAGE_SIZE, type UpstreamPage } from './paging.js';

export interface ContractRecord {
  workspaceId: number;
  contractId: number;
  projectId: number;
  userId: number;
  /** The member's role on this contract as WebWork labels it (it adds "Client" to the member roles). */
  roleLabel: string | null;
  weeklyHoursLimit: number | null;
  screenshotMode: string | null;
  screenshotLabel: string | null;
  /** Null unless the caller may view rates and the project is billable (upstream omits it). */
  rate: number | null;
  rateSource: RateSource | null;
  currency: string | null;
  status: ContractStatus;
  isBillable: boolean | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface ContractFilters {
  project_id?: number;
  user_id?: number;
  status?: 'active' | 'paused';
}

interface WireContract {
  id: number;
  project_id: number;
  user_id: number;
  user_role?: string | null;
  weekly_hours_limit?: number | null;
  screenshots?: string | null;
  screenshots_label?: string | null;
  rate?: number | null;
  rate_type?: number | null;
  status: string;
  currency?: string | null;
  is_billable?: boolean | null;
  created_at?: string | null;
  updated_at?: string | null;
}

const statusFromLabel: Record<string, ContractStatus> = {
  active: ContractStatus.ACTIVE,
  paused: ContractStatus.PAUSED,
};

export const toContract =
  (workspaceId: number) =>
  (c: WireContract): ContractRecord => ({
    workspaceId,
    contractId: c.id,
    projectId: c.project_id,
    userId: c.user_id,
    roleLabel: c.user_role ?? null,
    weeklyHoursLimit: c.weekly_hours_limit ?? null,
    screenshotMode: c.screenshots ?? null,
    screenshotLabel: c.screenshots_label ?? null,
    rate: c.rate ?? null,
    rateSource: c.rate_type == null ? null : (rateSourceByCode[c.rate_type] ?? null),
    currency: c.currency ?? null,
    status: fromUpstream(statusFromLabel, c.status, 'contract status'),
    isBillable: c.is_billable ?? null,
    createdAt: toIsoDateTime(c.created_at),
    updatedAt: toIsoDateTime(c.updated_at),
  });

/** `GET /contracts` (pages; its pagination block is top-level) and `GET /contracts/{id}`. */
export class ContractsApi {
  constructor(private readonly deps: DatasourceDeps) {}

  page(
    caller: Caller,
    workspaceId: number,
    filters: ContractFilters,
    page: number,
  ): Promise<UpstreamPage<ContractRecord>> {
    return readPage(this.deps, caller, {
      resource: 'contracts',
      path: '/contracts',
      query: { workspace_id: workspaceId, page, per_page: UPSTREAM_PAGE_SIZE, ...filters },
      tags: [tags.workspace(workspaceId), tags.workspaceResource(workspaceId, 'contracts')],
      map: toContract(workspaceId),
    });
  }

  /** All contracts matching the filters (none: the whole workspace, which serves every member and project). */
  all(caller: Caller, workspaceId: number, filters: ContractFilters = {}): Promise<ContractRecord[]> {
    return allPages((page) => this.page(caller, workspaceId, filters, page));
  }

  byId(caller: Caller, workspaceId: number, contractId: number): Promise<ContractRecord> {
    return readOne(this.deps, caller, {
      resource: 'contract',
      path: `/contracts/${contractId}`,
      query: { workspace_id: workspaceId },
      keyParams: { workspace_id: workspaceId, contract_id: contractId },
      tags: [tags.workspace(workspaceId), tags.workspaceResource(workspaceId, 'contracts')],
      map: toContract(workspaceId),
    });
  }
}
