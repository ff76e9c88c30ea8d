import { WorkspaceObject } from './workspace-object.js';
import { Node } from './node.interface.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { MemberStatus } from '../enums/member-status.enum.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

@ObjectType({
  description:
    'A project viewer: a client with read-only access to chosen projects (Owners and Executive Managers may list and manage them).',
  implements: Node,
})
export class ProjectViewer extends WorkspaceObject {
  @Field(() => Int, { description: "The viewer's user id." })
  viewerId!: number;

  @Field(() => String, { nullable: true, description: 'Email address; null when WebWork does not send it.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'First name; null when WebWork does not send it.' })
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: 'Last name; null when WebWork does not send it.' })
  lastName!: string | null;

  @Field(() => MemberStatus, { nullable: true, description: 'LEFT when archived (restorable).' })
  status!: MemberStatus | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the viewer joined the workspace (UTC); null when WebWork does not say.',
  })
  memberSince!: string | null;
}
