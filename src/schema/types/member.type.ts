import { Node } from './node.interface.js';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { MemberRole } from '../enums/member-role.enum.js';
import { MemberStatus } from '../enums/member-status.enum.js';

@ObjectType({ description: 'A person in a workspace.', implements: Node })
export class Member {
  @Field(() => Int, { description: 'Upstream user id.' })
  userId!: number;

  @Field(() => Int)
  workspaceId!: number;

  @Field()
  email!: string;

  @Field()
  firstName!: string;

  @Field()
  lastName!: string;

  @Field(() => String, { nullable: true, description: 'Avatar file name.' })
  avatar!: string | null;

  @Field(() => MemberRole)
  role!: MemberRole;

  @Field(() => MemberStatus)
  status!: MemberStatus;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. America/New_York.' })
  timezone!: string | null;

  @Field(() => String, { nullable: true })
  teamName!: string | null;

  @Field(() => String, { nullable: true, description: 'Job title.' })
  title!: string | null;

  @Field(() => Float, { nullable: true, description: 'Rate; null when the caller may not view rates.' })
  rate!: number | null;

  @Field(() => String, { nullable: true })
  currency!: string | null;

  @Field(() => String, { nullable: true })
  rateType!: string | null;

  @Field(() => Int, { nullable: true })
  weeklyHoursLimit!: number | null;

  @Field(() => String, { nullable: true, description: 'Screenshot setting.' })
  screenshots!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: string | null;
}
