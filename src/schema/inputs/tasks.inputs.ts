import { Field, InputType, Int } from 'type-graphql';
import { TaskPriority, TaskStatus } from '../enums/task.enums.js';
import { DateScalar } from '../scalars/date.scalar.js';

export const MAX_TASK_TITLE = 255;
export const MAX_TASK_DESCRIPTION = 5000;

/** The optional fields a task is created or changed with. */
@InputType({ description: 'Optional task fields: base of CreateTaskInput and UpdateTaskInput.' })
class TaskFields {
  @Field(() => String, { nullable: true, description: `At most ${MAX_TASK_DESCRIPTION} characters.` })
  description?: string | null;

  @Field(() => TaskStatus, { nullable: true, description: 'Default INCOMPLETE on create.' })
  status?: TaskStatus | null;

  @Field(() => TaskPriority, { nullable: true, description: 'Default NORMAL on create.' })
  priority?: TaskPriority | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Start date; left out: none on create, kept on update.',
  })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Not before startDate.' })
  endDate?: string | null;

  @Field(() => Int, { nullable: true, description: 'Makes this a sub-task of another task of the project.' })
  parentTaskId?: number | null;
}

@InputType({ description: 'A new task of a project (Owners, Executive, Project and Team Managers).' })
export class CreateTaskInput extends TaskFields {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => Int, { description: 'The project to add the task to (`Project.projectId`).' })
  projectId!: number;

  @Field({ description: `1 to ${MAX_TASK_TITLE} characters.` })
  title!: string;
}

@InputType({
  description: 'A task, named with its project (WebWork requires the project on task operations).',
})
export class TaskRefInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => Int, { description: "The task's project." })
  projectId!: number;

  @Field(() => Int, { description: 'The task (`Task.taskId`).' })
  taskId!: number;
}

@InputType({ description: 'Changes to a task; at least one field.' })
export class UpdateTaskInput extends TaskFields {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => Int, { description: "The task's project." })
  projectId!: number;

  @Field(() => Int, { description: 'The task (`Task.taskId`).' })
  taskId!: number;

  @Field(() => String, { nullable: true, description: `1 to ${MAX_TASK_TITLE} characters.` })
  title?: string | null;
}

@InputType({ description: 'Delete a task (and its sub-tasks).' })
export class DeleteTaskInput extends TaskRefInput {}

@InputType({ description: 'Assign a member (with a contract on the project) to a task.' })
export class AssignTaskInput extends TaskRefInput {
  @Field(() => Int, { description: 'The member to assign (`Member.userId`).' })
  userId!: number;
}

@InputType({ description: "Remove a member from a task's assignees." })
export class UnassignTaskInput extends TaskRefInput {
  @Field(() => Int, { description: 'The member to unassign (`Member.userId`).' })
  userId!: number;
}
