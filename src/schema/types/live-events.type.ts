import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

@ObjectType({ description: 'A change to a member of a workspace, pushed by `memberChanged`.' })
export class MemberChangeEvent {
  @Field({ description: 'The WebWork event, e.g. `member.updated`, `member.removed`.' })
  event!: string;

  @Field(() => Int, { description: 'The workspace of the change (`Workspace.workspaceId`).' })
  workspaceId!: number;

  @Field(() => Int, { description: 'Upstream user id of the member the event is about.' })
  userId!: number;

  @Field(() => DateTimeScalar, { description: 'When the change happened, as WebWork reported it.' })
  at!: string;
}

@ObjectType({ description: 'A change to a project of a workspace, pushed by `projectChanged`.' })
export class ProjectChangeEvent {
  @Field({ description: 'The WebWork event, e.g. `project.created`, `project.updated`.' })
  event!: string;

  @Field(() => Int, { description: 'The workspace of the change (`Workspace.workspaceId`).' })
  workspaceId!: number;

  @Field(() => Int, { description: 'Upstream id of the project the event is about.' })
  projectId!: number;

  @Field(() => DateTimeScalar, { description: 'When the change happened, as WebWork reported it.' })
  at!: string;
}
