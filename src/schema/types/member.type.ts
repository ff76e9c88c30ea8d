import { StampedWorkspaceObject } from './workspace-object.js';
import { Node } from './node.interface.js';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { MemberRole } from '../enums/member-role.enum.js';
import { MemberStatus } from '../enums/member-status.enum.js';

@ObjectType({ description: 'A person in a workspace.', implements: Node })
export class Member extends StampedWorkspaceObject {
  @Field(() => Int, { description: 'Upstream user id.' })
  userId!: number;

  @Field({ description: 'Email address.' })
  email!: string;

  @Field({ description: 'First name.' })
  firstName!: string;

  @Field({ description: 'Last name.' })
  lastName!: string;

  @Field(() => String, { nullable: true, description: 'Avatar file name.' })
  avatar!: string | null;

  @Field(() => MemberRole, { description: 'Role in this workspace.' })
  role!: MemberRole;

  @Field(() => MemberStatus, { description: 'Membership status; LEFT once archived (removeMember).' })
  status!: MemberStatus;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. America/New_York.' })
  timezone!: string | null;

  @Field(() => String, { nullable: true, description: 'Team name; null when WebWork sends none.' })
  teamName!: string | null;

  @Field(() => String, { nullable: true, description: 'Job title.' })
  title!: string | null;

  @Field(() => Float, { nullable: true, description: 'Rate; null when the caller may not view rates.' })
  rate!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Currency of `rate` (inferred field); null when the caller may not view rates.',
  })
  currency!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "WebWork's `rate_type` for the member, as sent (inferred field; its values are undocumented).",
  })
  rateType!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Hours per week the member may track (0 to 168); null when not set (inferred field).',
  })
  weeklyHoursLimit!: number | null;

  @Field(() => String, { nullable: true, description: 'Screenshot setting.' })
  screenshots!: string | null;
}
