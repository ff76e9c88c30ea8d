import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { ContractRecord } from '../datasources/contracts.api.js';
import type { MemberRecord } from '../datasources/members.api.js';
import type { ProjectRecord } from '../datasources/projects.api.js';
import { globalId } from '../schema/global-id.js';
import { Contract } from '../schema/types/contract.type.js';
import { Member } from '../schema/types/member.type.js';
import { Project } from '../schema/types/project.type.js';
import type { RequestContext } from '../server/context.js';

@Resolver(() => Contract)
export class ContractResolver {
  @FieldResolver(() => ID)
  id(@Root() contract: ContractRecord): string {
    return globalId('Contract', contract.workspaceId, contract.contractId);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The member this contract assigns.' })
  member(@Root() contract: ContractRecord, @Ctx() ctx: RequestContext): Promise<MemberRecord> {
    return ctx.loaders.member.load({ workspaceId: contract.workspaceId, userId: contract.userId });
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project this contract is on.' })
  project(@Root() contract: ContractRecord, @Ctx() ctx: RequestContext): Promise<ProjectRecord> {
    return ctx.loaders.project.load({ workspaceId: contract.workspaceId, projectId: contract.projectId });
  }
}
