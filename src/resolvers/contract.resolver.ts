import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  contractsList,
  type ContractRecord,
  createContract,
  deleteContract,
  updateContract,
} from '../catalogue/contracts.operations.js';
import {
  CreateContractInput,
  DeleteContractInput,
  UpdateContractInput,
} from '../schema/inputs/contracts.inputs.js';
import { DeletedContract } from '../schema/types/deleted.types.js';
import type { MemberRecord } from '../catalogue/members.operations.js';
import type { ProjectRecord } from '../catalogue/projects.operations.js';
import { ContractsArgs } from '../schema/inputs/contracts.args.js';
import { ContractConnection } from '../schema/types/connections.js';
import { Contract } from '../schema/types/contract.type.js';
import { Member } from '../schema/types/member.type.js';
import { Project } from '../schema/types/project.type.js';
import { Workspace } from '../schema/types/workspace.type.js';
import type { RequestContext } from '../server/context.js';
import { connectionField } from './connection-field.js';
import { lookupField } from './lookup-field.js';
import { DeletedNodeResolver, WorkspaceNodeResolver } from './node.resolver.js';
import { amount, ADMINS, resourceWrite, someField } from './resource-write.js';

@Resolver(() => Contract)
export class ContractResolver extends WorkspaceNodeResolver(Contract, (c: ContractRecord) => c.contractId) {
  @FieldResolver(() => Member, { nullable: true, description: 'The member this contract assigns.' })
  member(@Root() contract: ContractRecord, @Ctx() ctx: RequestContext): Promise<MemberRecord> {
    return ctx.loaders.member.load({ workspaceId: contract.workspaceId, id: contract.userId });
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project this contract is on.' })
  project(@Root() contract: ContractRecord, @Ctx() ctx: RequestContext): Promise<ProjectRecord> {
    return ctx.loaders.project.load({ workspaceId: contract.workspaceId, id: contract.projectId });
  }
}

export const WorkspaceContractsResolver = connectionField({
  parent: Workspace,
  field: 'contracts',
  connection: ContractConnection,
  args: ContractsArgs,
  description:
    'Contracts (member × project assignments) of this workspace, filtered by role: Owners and Executive Managers see all, managers those of their projects or teams and their own, Regular Users their own.',
  list: contractsList,
  prime: { loader: (l) => l.contract, id: (c) => c.contractId },
});

export const WorkspaceContractResolver = lookupField({
  parent: Workspace,
  field: 'contract',
  type: Contract,
  idArgument: 'contractId',
  description: 'A contract by id; null if the caller cannot see it.',
  loader: (l) => l.contract,
});

/** The global id a deleted contract had (`Contract:<workspaceId>:<contractId>`). */
export const DeletedContractResolver = DeletedNodeResolver(
  DeletedContract,
  'Contract',
  (c: ContractRecord) => [c.workspaceId, c.contractId],
  { description: 'The global id the contract had.' },
);

const checkContractFields = (input: { weeklyHoursLimit?: number | null; rate?: number | null }) => {
  amount('input.weeklyHoursLimit', input.weeklyHoursLimit, { max: 168 });
  amount('input.rate', input.rate);
};

export const CreateContractResolver = resourceWrite({
  input: CreateContractInput,
  returns: Contract,
  description:
    'Assigns a member to a project (one contract per member and project; not for Project viewers, see assignProjectViewer). Returns it as WebWork created it.',
  action: 'create contracts',
  roles: ADMINS,
  write: createContract,
  ids: ['workspaceId', 'projectId', 'userId'],
  toArgs: (input) => {
    checkContractFields(input);
    return input;
  },
});

export const UpdateContractResolver = resourceWrite({
  input: UpdateContractInput,
  returns: Contract,
  description:
    'Changes limits, screenshot mode or rate of a contract, or pauses/resumes it; returns it read back.',
  action: 'update contracts',
  roles: ADMINS,
  write: updateContract,
  ids: ['workspaceId', 'contractId'],
  toArgs: (input) => {
    someField('input', input, ['weeklyHoursLimit', 'screenshotMode', 'rate', 'status']);
    checkContractFields(input);
    return input;
  },
});

export const DeleteContractResolver = resourceWrite({
  input: DeleteContractInput,
  returns: DeletedContract,
  description: 'Deletes a contract (the member leaves the project); returns the ids it had.',
  action: 'delete contracts',
  roles: ADMINS,
  write: deleteContract,
  ids: ['workspaceId', 'contractId'],
});
