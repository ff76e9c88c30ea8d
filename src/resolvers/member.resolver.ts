import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ContractRecord } from '../catalogue/contracts.operations.js';
import { MemberRole, MemberStatus } from '../catalogue/members.enums.js';
import {
  inviteMember,
  memberById,
  membersList,
  type MemberRecord,
  removeMember,
  updateMember,
} from '../catalogue/members.operations.js';
import { badUserInput } from '../errors/gateway-error.js';
import {
  InviteMemberInput,
  MAX_MEMBER_NAME,
  RemoveMemberInput,
  UpdateMemberInput,
} from '../schema/inputs/members.inputs.js';
import type { TrackerRecord } from '../catalogue/tracking.operations.js';
import { MembersArgs } from '../schema/inputs/members.args.js';
import { MemberConnection } from '../schema/types/connections.js';
import { Contract } from '../schema/types/contract.type.js';
import { Member } from '../schema/types/member.type.js';
import { TrackerState } from '../schema/types/tracker-state.type.js';
import { Workspace } from '../schema/types/workspace.type.js';
import type { RequestContext } from '../server/context.js';
import { connectionField } from './connection-field.js';
import { lookupField } from './lookup-field.js';
import { WorkspaceNodeResolver } from './node.resolver.js';
import {
  amount,
  email,
  optionalText,
  requiredText,
  ADMINS,
  resourceWrite,
  someField,
} from './resource-write.js';

@Resolver(() => Member)
export class MemberResolver extends WorkspaceNodeResolver(Member, (m: MemberRecord) => m.userId) {
  @FieldResolver(() => String, { description: 'First and last name, joined by a space.' })
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
      'Live tracker state, from the live store first (see TrackerState.asOf and source): Owners and Executive Managers are answered from it when it is fresh, everyone else by their own WebWork read. When the rate budget cannot cover a read, not an error: the last known state with its asOf, or an unknown one (isRunning null, pendingSince). Null for archived (LEFT) members, who cannot track (WebWork answers 404 for them, so the gateway does not ask). Null with an error on this path when WebWork refuses (e.g. only Owners and Executive Managers may read other members’ trackers), or cannot answer and nothing is stored. WebWork’s current-data sees only trackers started from the API or the browser: a tracker running from the desktop app is known only through webhooks (registerWebhooks), and reads as idle without them.',
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
  description:
    "Members of this workspace. Any member may list them; WebWork filters the list by the caller's role, and rates only show to those who may view them.",
  list: membersList,
  prime: { loader: (l) => l.member, id: (m) => m.userId },
});

export const WorkspaceMemberResolver = lookupField({
  parent: Workspace,
  field: 'member',
  type: Member,
  idArgument: 'userId',
  description: 'A member by user id; null if the caller cannot see them.',
  loader: (l) => l.member,
});

const notOwner = (argument: string, role: MemberRole | null | undefined) => {
  if (role === MemberRole.OWNER) {
    throw badUserInput(argument, `${argument} cannot be OWNER: a workspace has one Owner, set in WebWork`);
  }
};

export const InviteMemberResolver = resourceWrite({
  input: InviteMemberInput,
  returns: Member,
  description:
    'Invites a person to the workspace (WebWork emails them an invitation); returns the new member read back by the id WebWork answered with.',
  action: 'invite members',
  roles: ADMINS,
  write: inviteMember,
  ids: ['workspaceId'],
  toArgs: (input) => {
    email('input.email', input.email);
    requiredText('input.firstName', input.firstName, MAX_MEMBER_NAME);
    requiredText('input.lastName', input.lastName, MAX_MEMBER_NAME);
    notOwner('input.role', input.role);
    return input;
  },
  readBack: (told, ctx) =>
    ctx.operations.read(ctx.caller, memberById, { workspaceId: told.workspaceId, id: told.userId }),
});

export const UpdateMemberResolver = resourceWrite({
  input: UpdateMemberInput,
  returns: Member,
  description:
    "Changes a member's profile, role, rate visibility or weekly limit; returns the member read back.",
  action: 'update members',
  roles: ADMINS,
  write: updateMember,
  ids: ['workspaceId', 'userId'],
  toArgs: (input) => {
    someField('input', input, [
      'email',
      'firstName',
      'lastName',
      'timezone',
      'role',
      'rateVisible',
      'weeklyHoursLimit',
      'removeAvatar',
    ]);
    email('input.email', input.email);
    optionalText('input.firstName', input.firstName, MAX_MEMBER_NAME);
    optionalText('input.lastName', input.lastName, MAX_MEMBER_NAME);
    optionalText('input.timezone', input.timezone, 64);
    notOwner('input.role', input.role);
    amount('input.weeklyHoursLimit', input.weeklyHoursLimit, { max: 168 });
    return input;
  },
});

export const RemoveMemberResolver = resourceWrite({
  input: RemoveMemberInput,
  returns: Member,
  description:
    'Archives a member (status LEFT: they lose access; WebWork keeps their data and can restore them). Returns the member read back.',
  action: 'archive members',
  roles: ADMINS,
  write: removeMember,
  ids: ['workspaceId', 'userId'],
});
