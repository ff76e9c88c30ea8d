import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { ContractRecord } from '../datasources/contracts.api.js';
import type { MemberRecord } from '../datasources/members.api.js';
import type { TrackerRecord } from '../datasources/tracking.api.js';
import { MemberStatus } from '../schema/enums/member-status.enum.js';
import { globalId } from '../schema/global-id.js';
import { Contract } from '../schema/types/contract.type.js';
import { Member } from '../schema/types/member.type.js';
import { TrackerState } from '../schema/types/tracker-state.type.js';
import type { RequestContext } from '../server/context.js';

@Resolver(() => Member)
export class MemberResolver {
  @FieldResolver(() => ID)
  id(@Root() member: MemberRecord): string {
    return globalId('Member', member.workspaceId, member.userId);
  }

  @FieldResolver(() => String)
  fullName(@Root() member: MemberRecord): string {
    return `${member.firstName} ${member.lastName}`.trim();
  }

  @FieldResolver(() => [Contract], {
    nullable: true,
    description: "The member's contracts (projects they are assigned to).",
  })
  contracts(@Root() member: MemberRecord, @Ctx() ctx: RequestContext): Promise<ContractRecord[]> {
    return ctx.loaders.contractsOfMember.load({ workspaceId: member.workspaceId, userId: member.userId });
  }

  @FieldResolver(() => TrackerState, {
    nullable: true,
    description:
      'Live tracker state. Null for archived (LEFT) members, who cannot track (WebWork answers 404 for them, so the gateway does not ask). Null with an error on this path when WebWork cannot answer (e.g. only Owners and Executive Managers may read other members’ trackers).',
  })
  tracker(@Root() member: MemberRecord, @Ctx() ctx: RequestContext): Promise<TrackerRecord> | null {
    if (member.status === MemberStatus.LEFT) return null;
    return ctx.loaders.tracker.load({ workspaceId: member.workspaceId, userId: member.userId });
  }
}
