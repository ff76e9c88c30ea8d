import { StampedWorkspaceObject } from './workspace-object.js';
import { Node } from './node.interface.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { TaskPriority, TaskStatus } from '../enums/task.enums.js';

@ObjectType({ description: 'A person a task is assigned to, as the task lists them.' })
export class TaskAssignee {
  @Field(() => Int, { description: "The assignee's user id (`Member.userId`)." })
  userId!: number;

  @Field(() => String, { nullable: true, description: 'First name; null when WebWork does not send it.' })
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: 'Last name; null when WebWork does not send it.' })
  lastName!: string | null;

  @Field(() => String, { nullable: true, description: 'Email; null when WebWork does not send it.' })
  email!: string | null;
}

@ObjectType({ description: 'A task of a project.', implements: Node })
export class Task extends StampedWorkspaceObject {
  @Field(() => Int, { description: 'Upstream task id.' })
  taskId!: number;

  @Field(() => Int, { description: "The task's project (`Project.projectId`)." })
  projectId!: number;

  @Field({ description: 'Task title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Free-text description; null when none.' })
  description!: string | null;

  @Field(() => TaskStatus, { description: 'Progress of the task.' })
  status!: TaskStatus;

  @Field(() => TaskPriority, { description: 'Priority of the task.' })
  priority!: TaskPriority;

  @Field(() => DateScalar, { nullable: true, description: 'Start date; null when not set.' })
  startDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Due date; null when not set.' })
  endDate!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the task was completed (UTC); null while it is not.',
  })
  completedAt!: string | null;

  @Field(() => Int, { nullable: true, description: 'Parent task id, for sub-tasks.' })
  parentTaskId!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'User id of who created the task; null when WebWork does not say.',
  })
  creatorId!: number | null;
}
