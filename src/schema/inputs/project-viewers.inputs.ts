import { Field, InputType, Int } from 'type-graphql';

export const MAX_VIEWER_NAME = 100;

@InputType({ description: 'Invite a project viewer (Owners and Executive Managers).' })
export class CreateProjectViewerInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field({ description: 'An email address, name@example.com.' })
  email!: string;

  @Field({ description: `1 to ${MAX_VIEWER_NAME} characters.` })
  firstName!: string;

  @Field({ description: `1 to ${MAX_VIEWER_NAME} characters.` })
  lastName!: string;
}

/** The viewer a move acts on; each move's input adds what it needs. */
@InputType({ description: 'A project viewer: base of the viewer moves.' })
class ViewerRef {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => Int, { description: "The viewer's user id." })
  viewerId!: number;
}

/** A viewer and a project. */
@InputType({ description: 'A project viewer and a project: base of the assignment moves.' })
class ViewerProjectRef extends ViewerRef {
  @Field(() => Int, { description: 'The project (`Project.projectId`).' })
  projectId!: number;
}

@InputType({ description: 'A project viewer (Owners and Executive Managers).' })
export class DeleteProjectViewerInput extends ViewerRef {}

@InputType({ description: 'An archived project viewer to restore (Owners and Executive Managers).' })
export class RestoreProjectViewerInput extends ViewerRef {}

@InputType({ description: 'Give a viewer read-only access to a project (Owners and Executive Managers).' })
export class AssignProjectViewerInput extends ViewerProjectRef {}

@InputType({ description: "Take a project from a viewer's access (Owners and Executive Managers)." })
export class UnassignProjectViewerInput extends ViewerProjectRef {}
