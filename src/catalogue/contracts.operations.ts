import { tags } from '../cache/keys.js';
import {
  type ContractStatus,
  contractStatusFromLabel,
  contractStatusLabels,
  type RateSource,
  rateSourceByCode,
} from './contracts.enums.js';
import { toIsoDateTime } from './dates.js';
import { fromUpstream } from './enum-table.js';
import { list, read } from './operation.js';

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

const toContract = (c: WireContract, { workspaceId }: { workspaceId: number }): ContractRecord => ({
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
  status: fromUpstream(contractStatusFromLabel, c.status, 'contract status'),
  isBillable: c.is_billable ?? null,
  createdAt: toIsoDateTime(c.created_at),
  updatedAt: toIsoDateTime(c.updated_at),
});

export interface ContractsArgs {
  workspaceId: number;
  userId?: number | null;
  projectId?: number | null;
  status?: ContractStatus | null;
}

/**
 * `GET /contracts` (its pagination block is top-level). Unfiltered, the whole workspace's list
 * serves every member's and project's contracts and every by-id lookup of the request.
 */
export const contractsList = list<ContractsArgs, WireContract, ContractRecord>({
  name: 'contracts',
  path: '/contracts',
  cache: 'lists',
  query: (a) => ({
    workspace_id: a.workspaceId,
    user_id: a.userId,
    project_id: a.projectId,
    status: a.status ? contractStatusLabels[a.status] : undefined,
  }),
  tags: (a) => [tags.workspace(a.workspaceId), tags.workspaceResource(a.workspaceId, 'contracts')],
  map: toContract,
});

/** `GET /contracts/{contractId}`: one contract (the naive loader mode only). */
export const contractById = read<{ workspaceId: number; id: number }, WireContract, ContractRecord>({
  name: 'contract',
  path: '/contracts/{contractId}',
  pathParams: (a) => ({ contractId: a.id }),
  cache: 'lists',
  query: (a) => ({ workspace_id: a.workspaceId }),
  key: (a) => ({ workspace_id: a.workspaceId, contract_id: a.id }),
  tags: (a) => [tags.workspace(a.workspaceId), tags.workspaceResource(a.workspaceId, 'contracts')],
  map: (c, a) => toContract(c!, a),
});
