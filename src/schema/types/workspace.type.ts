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

  @Field({ description: 'The workspace name.' })
  name!: string;

  @Field(() => Int, { description: 'User id of the workspace owner.' })
  ownerId!: number;

  @Field(() => Int, { description: "The caller's own user id in this workspace." })
  viewerUserId!: number;

  @Field(() => MemberRole, { description: "The caller's role in this workspace." })
  viewerRole!: MemberRole;

  @Field(() => MemberStatus, { description: "The caller's membership status." })
  viewerStatus!: MemberStatus;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the workspace was created (UTC); null when WebWork does not say.',
  })
  createdAt!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      "WebWork's `activated_at` (sent without a zone, read as UTC, GAPS G13); the docs do not say what was activated. Null when absent.",
  })
  activatedAt!: string | null;
}
