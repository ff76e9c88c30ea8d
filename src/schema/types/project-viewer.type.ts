import { Node } from './node.interface.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { MemberStatus } from '../enums/member-status.enum.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

@ObjectType({
  description:
    'A project viewer: a client with read-only access to chosen projects (Owners and Executive Managers may list and manage them).',
  implements: Node,
})
export class ProjectViewer {
  @Field(() => Int, { description: "The viewer's user id." })
  viewerId!: number;

  @Field(() => Int)
  workspaceId!: number;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => MemberStatus, { nullable: true, description: 'LEFT when archived (restorable).' })
  status!: MemberStatus | null;

  @Field(() => DateTimeScalar, { nullable: true })
  memberSince!: string | null;
}
