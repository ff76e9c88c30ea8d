import { tags } from '../cache/keys.js';
import {
  type ContractStatus,
  contractStatus,
  type RateSource,
  rateSource,
  type ScreenshotMode,
  screenshotMode,
} from './contracts.enums.js';
import { toIsoDateTime } from './dates.js';
import { fromUpstream } from './enum-table.js';
import { list, type Reads, write, type WriteOutcome } from './operation.js';
import { byIdRead, objectPath, toldCreated, workspaceListTags } from './workspace-objects.js';

export interface ContractRecord extends WriteOutcome {
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
  rateSource: c.rate_type == null ? null : (rateSource.fromWire[c.rate_type] ?? null),
  currency: c.currency ?? null,
  status: fromUpstream(contractStatus.fromWire, c.status, 'contract status'),
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
    status: contractStatus.wire(a.status),
  }),
  tags: workspaceListTags('contracts'),
  map: toContract,
});

/** `GET /contracts/{contractId}`: one contract (the naive loader mode only). */
export const contractById = byIdRead({
  name: 'contract',
  path: '/contracts/{contractId}',
  keyParam: 'contract_id',
  tags: workspaceListTags('contracts'),
  map: toContract,
});

/** The writable fields of a contract, in gateway spelling. */
export interface ContractFields {
  weeklyHoursLimit?: number | null;
  screenshotMode?: ScreenshotMode | null;
  /** Applied only when the caller may set rates. */
  rate?: number | null;
}

export interface CreateContractArgs extends ContractFields {
  workspaceId: number;
  projectId: number;
  userId: number;
}

export interface ContractRefArgs {
  workspaceId: number;
  contractId: number;
}

export interface UpdateContractArgs extends ContractFields, ContractRefArgs {
  status?: ContractStatus | null;
}

const contractFieldsBody = (a: ContractFields) => ({
  weekly_hours_limit: a.weeklyHoursLimit,
  screenshots: screenshotMode.wire(a.screenshotMode),
  rate: a.rate,
});

/**
 * What a contract write makes stale: the contract list (it serves by-id lookups, members' and
 * projects' contracts) and the projects list (it counts contracts).
 */
const contractStale = (a: { workspaceId: number }) => [
  tags.workspaceResource(a.workspaceId, 'contracts'),
  tags.workspaceResource(a.workspaceId, 'projects'),
];

const readContract = (reads: Reads, a: ContractRefArgs) =>
  reads.read(contractById, { workspaceId: a.workspaceId, id: a.contractId });

/** A contract known only by what a write was told. */
const blankContract = (
  a: ContractRefArgs &
    ContractFields & { projectId?: number; userId?: number; status?: ContractStatus | null },
): ContractRecord => ({
  workspaceId: a.workspaceId,
  contractId: a.contractId,
  projectId: a.projectId ?? 0,
  userId: a.userId ?? 0,
  roleLabel: null,
  weeklyHoursLimit: a.weeklyHoursLimit ?? null,
  screenshotMode: a.screenshotMode ? screenshotMode.toWire[a.screenshotMode] : null,
  screenshotLabel: null,
  rate: a.rate ?? null,
  rateSource: null,
  currency: null,
  status: a.status ?? ('ACTIVE' as ContractStatus),
  isBillable: null,
  createdAt: null,
  updatedAt: null,
});

/** `POST /contracts` (Owners and Executive Managers): assigns a member to a project. */
export const createContract = write<CreateContractArgs, WireContract | null, ContractRecord>({
  name: 'createContract',
  method: 'POST',
  path: '/contracts',
  verb: 'contract creation',
  subject: 'contracts list',
  body: (a) => ({
    workspace_id: a.workspaceId,
    project_id: a.projectId,
    user_id: a.userId,
    ...contractFieldsBody(a),
  }),
  stale: contractStale,
  told: toldCreated('contract', 'contracts', toContract),
});

/** `PUT /contracts/{contractId}`: limits, screenshots, rate, pause/resume; read back. */
export const updateContract = write<UpdateContractArgs, WireContract | null, ContractRecord>({
  name: 'updateContract',
  method: 'PUT',
  ...objectPath('/contracts/{contractId}', (a: ContractRefArgs) => a.contractId),
  verb: 'contract update',
  subject: 'contract',
  body: (a) => ({
    workspace_id: a.workspaceId,
    ...contractFieldsBody(a),
    status: contractStatus.wire(a.status),
  }),
  stale: contractStale,
  told: (a, c) => (c ? toContract(c, a) : blankContract(a)),
  readBack: { read: readContract },
});

/** `DELETE /contracts/{contractId}`: the member leaves the project (the contract is gone). */
export const deleteContract = write<ContractRefArgs, unknown, ContractRecord>({
  name: 'deleteContract',
  method: 'DELETE',
  ...objectPath('/contracts/{contractId}', (a: ContractRefArgs) => a.contractId),
  verb: 'contract deletion',
  subject: 'contract',
  stale: contractStale,
  told: (a) => blankContract(a),
});
