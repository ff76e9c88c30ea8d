import { Node } from './node.interface.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { MemberRole } from '../enums/member-role.enum.js';
import { MemberStatus } from '../enums/member-status.enum.js';

/** A WebWork workspace the caller belongs to. Relations are resolved in workspace.resolver.ts. */
@ObjectType({ description: 'A WebWork workspace the caller belongs to.', implements: Node })
export class Workspace {
  @Field(() => Int, { description: 'Upstream workspace id (the `workspace_id` of every WebWork call).' })
  workspaceId!: number;

  @Field()
  name!: string;

  @Field(() => Int, { description: 'User id of the workspace owner.' })
  ownerId!: number;

  @Field(() => Int, { description: "The caller's own user id in this workspace." })
  viewerUserId!: number;

  @Field(() => MemberRole, { description: "The caller's role in this workspace." })
  viewerRole!: MemberRole;

  @Field(() => MemberStatus, { description: "The caller's membership status." })
  viewerStatus!: MemberStatus;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  activatedAt!: string | null;
}
