import { Field, Float, InputType, Int } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';

export const MAX_PROJECT_NAME = 255;
export const MAX_PROJECT_NOTES = 5000;

/** The optional fields a project is created or changed with. */
@InputType({ description: 'Optional project fields: base of CreateProjectInput and UpdateProjectInput.' })
class ProjectFields {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Start date; left out: none on create, kept on update.',
  })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Not before startDate.' })
  deadline?: string | null;

  @Field(() => Float, { nullable: true, description: 'Estimated hours, ≥ 0.' })
  estimatedHours?: number | null;

  @Field(() => Float, { nullable: true, description: 'Budget, ≥ 0.' })
  budget?: number | null;

  @Field(() => String, { nullable: true, description: `At most ${MAX_PROJECT_NOTES} characters.` })
  notes?: string | null;

  @Field(() => String, { nullable: true, description: 'Icon name, e.g. project-icon-1.' })
  icon?: string | null;
}

@InputType({ description: 'A new project (Owners and Executive Managers).' })
export class CreateProjectInput extends ProjectFields {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field({ description: `1 to ${MAX_PROJECT_NAME} characters.` })
  name!: string;
}

@InputType({ description: 'Changes to a project; at least one field (Owners and Executive Managers).' })
export class UpdateProjectInput extends ProjectFields {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => Int, { description: 'The project to change (`Project.projectId`).' })
  projectId!: number;

  @Field(() => String, { nullable: true, description: `1 to ${MAX_PROJECT_NAME} characters.` })
  name?: string | null;
}

@InputType({ description: 'Archive a project (Owners and Executive Managers).' })
export class DeleteProjectInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => Int, { description: 'The project to archive (`Project.projectId`).' })
  projectId!: number;
}
