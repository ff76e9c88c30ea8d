import { ArgsType, Field } from 'type-graphql';
import { MemberRole } from '../enums/member-role.enum.js';
import { MemberStatus } from '../enums/member-status.enum.js';
import { PageArgs } from './page.args.js';

@ArgsType()
export class MembersArgs extends PageArgs {
  @Field(() => MemberRole, { nullable: true, description: 'Only members with this role.' })
  role?: MemberRole | null;

  @Field(() => MemberStatus, { nullable: true, description: 'Only members with this status.' })
  status?: MemberStatus | null;

  @Field(() => String, { nullable: true, description: 'Exact email match.' })
  email?: string | null;
}
