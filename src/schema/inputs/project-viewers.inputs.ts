import { Field, InputType, Int } from 'type-graphql';

export const MAX_VIEWER_NAME = 100;

@InputType({ description: 'Invite a project viewer (Owners and Executive Managers).' })
export class CreateProjectViewerInput {
  @Field(() => Int)
  workspaceId!: number;

  @Field({ description: 'An email address, name@example.com.' })
  email!: string;

  @Field({ description: `1 to ${MAX_VIEWER_NAME} characters.` })
  firstName!: string;

  @Field({ description: `1 to ${MAX_VIEWER_NAME} characters.` })
  lastName!: string;
}

@InputType({ description: 'A project viewer (Owners and Executive Managers).' })
export class DeleteProjectViewerInput {
  @Field(() => Int)
  workspaceId!: number;

  @Field(() => Int, { description: "The viewer's user id." })
  viewerId!: number;
}

@InputType({ description: 'An archived project viewer to restore (Owners and Executive Managers).' })
export class RestoreProjectViewerInput {
  @Field(() => Int)
  workspaceId!: number;

  @Field(() => Int, { description: "The viewer's user id." })
  viewerId!: number;
}

@InputType({ description: 'Give a viewer read-only access to a project (Owners and Executive Managers).' })
export class AssignProjectViewerInput {
  @Field(() => Int)
  workspaceId!: number;

  @Field(() => Int, { description: "The viewer's user id." })
  viewerId!: number;

  @Field(() => Int)
  projectId!: number;
}

@InputType({ description: "Take a project from a viewer's access (Owners and Executive Managers)." })
export class UnassignProjectViewerInput {
  @Field(() => Int)
  workspaceId!: number;

  @Field(() => Int, { description: "The viewer's user id." })
  viewerId!: number;

  @Field(() => Int)
  projectId!: number;
}
