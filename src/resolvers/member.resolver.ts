import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ContractRecord } from '../catalogue/contracts.operations.js';
import { MemberStatus } from '../catalogue/members.enums.js';
import { membersList, type MemberRecord } from '../catalogue/members.operations.js';
import type { TrackerRecord } from '../catalogue/tracking.operations.js';
import { MembersArgs } from '../schema/inputs/members.args.js';
import { MemberConnection } from '../schema/types/connections.js';
import { Contract } from '../schema/types/contract.type.js';
import { Member } from '../schema/types/member.type.js';
import { TrackerState } from '../schema/types/tracker-state.type.js';
import { Workspace } from '../schema/types/workspace.type.js';
import type { WorkspaceRecord } from '../catalogue/workspaces.operations.js';
import type { RequestContext } from '../server/context.js';
import { connectionField } from './connection-field.js';
import { lookupField } from './lookup-field.js';
import { NodeResolver } from './node.resolver.js';

@Resolver(() => Member)
export class MemberResolver extends NodeResolver(Member, (m: MemberRecord) => [m.workspaceId, m.userId]) {
  @FieldResolver(() => String)
  fullName(@Root() member: MemberRecord): string {
    return `${member.firstName} ${member.lastName}`.trim();
  }

  @FieldResolver(() => [Contract], {
    nullable: true,
    description: "The member's contracts (projects they are assigned to).",
  })
  contracts(@Root() member: MemberRecord, @Ctx() ctx: RequestContext): Promise<ContractRecord[]> {
    return ctx.loaders.contractsOfMember.load({ workspaceId: member.workspaceId, id: member.userId });
  }

  @FieldResolver(() => TrackerState, {
    nullable: true,
    description:
      'Live tracker state. Null for archived (LEFT) members, who cannot track (WebWork answers 404 for them, so the gateway does not ask). Null with an error on this path when WebWork cannot answer (e.g. only Owners and Executive Managers may read other members’ trackers).',
  })
  tracker(@Root() member: MemberRecord, @Ctx() ctx: RequestContext): Promise<TrackerRecord> | null {
    if (member.status === MemberStatus.LEFT) return null;
    return ctx.loaders.tracker.load({ workspaceId: member.workspaceId, id: member.userId });
  }
}

export const WorkspaceMembersResolver = connectionField({
  parent: Workspace,
  field: 'members',
  connection: MemberConnection,
  args: MembersArgs,
  description: 'Members of this workspace.',
  list: membersList,
  toArgs: (ws: WorkspaceRecord, args) => ({ ...args, workspaceId: ws.workspaceId }),
  prime: { loader: (l) => l.member, key: (m) => ({ workspaceId: m.workspaceId, id: m.userId }) },
});

export const WorkspaceMemberResolver = lookupField({
  parent: Workspace,
  field: 'member',
  type: Member,
  idArgument: 'userId',
  description: 'A member by user id; null if the caller cannot see them.',
  loader: (l) => l.member,
});
