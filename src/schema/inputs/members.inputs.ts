import { Field, InputType, Int } from 'type-graphql';
import { MemberRole } from '../enums/member-role.enum.js';

export const MAX_MEMBER_NAME = 255;

@InputType({ description: 'Invite a person to a workspace (Owners and Executive Managers).' })
export class InviteMemberInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field({ description: 'An email address, name@example.com.' })
  email!: string;

  @Field({ description: `1 to ${MAX_MEMBER_NAME} characters.` })
  firstName!: string;

  @Field({ description: `1 to ${MAX_MEMBER_NAME} characters.` })
  lastName!: string;

  @Field(() => MemberRole, { description: 'Any role but OWNER.' })
  role!: MemberRole;
}

@InputType({
  description:
    "Changes to a member; at least one field (Owners and Executive Managers). WebWork documents no write of a member's team, so there is no team field (teamName is read-only); a member's rate is set on its contracts (updateContract).",
})
export class UpdateMemberInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => Int, { description: 'The member to change (`Member.userId`).' })
  userId!: number;

  @Field(() => String, { nullable: true, description: 'New email address; left out: kept.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'New first name; left out: kept.' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'New last name; left out: kept.' })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. America/New_York.' })
  timezone?: string | null;

  @Field(() => MemberRole, {
    nullable: true,
    description: "Any role but OWNER; the Owner's own role cannot be changed.",
  })
  role?: MemberRole | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether the member's rate is visible (WebWork's rate_status).",
  })
  rateVisible?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Hours per week, 0 to 168.' })
  weeklyHoursLimit?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'True removes the avatar.' })
  removeAvatar?: boolean | null;
}

@InputType({
  description: 'Archive a member (Owners and Executive Managers; not the Owner, not oneself).',
})
export class RemoveMemberInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => Int, { description: 'The member to archive (`Member.userId`).' })
  userId!: number;
}
