import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { contractsList, type ContractRecord } from '../catalogue/contracts.operations.js';
import type { MemberRecord } from '../catalogue/members.operations.js';
import type { ProjectRecord } from '../catalogue/projects.operations.js';
import type { WorkspaceRecord } from '../catalogue/workspaces.operations.js';
import { ContractsArgs } from '../schema/inputs/contracts.args.js';
import { ContractConnection } from '../schema/types/connections.js';
import { Contract } from '../schema/types/contract.type.js';
import { Member } from '../schema/types/member.type.js';
import { Project } from '../schema/types/project.type.js';
import { Workspace } from '../schema/types/workspace.type.js';
import type { RequestContext } from '../server/context.js';
import { connectionField } from './connection-field.js';
import { lookupField } from './lookup-field.js';
import { NodeResolver } from './node.resolver.js';

@Resolver(() => Contract)
export class ContractResolver extends NodeResolver(Contract, (c: ContractRecord) => [
  c.workspaceId,
  c.contractId,
]) {
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
  description: 'Contracts (member × project assignments) of this workspace.',
  list: contractsList,
  toArgs: (ws: WorkspaceRecord, args) => ({ ...args, workspaceId: ws.workspaceId }),
  prime: { loader: (l) => l.contract, key: (c) => ({ workspaceId: c.workspaceId, id: c.contractId }) },
});

export const WorkspaceContractResolver = lookupField({
  parent: Workspace,
  field: 'contract',
  type: Contract,
  idArgument: 'contractId',
  description: 'A contract by id; null if the caller cannot see it.',
  loader: (l) => l.contract,
});
