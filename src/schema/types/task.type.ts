import { Node } from './node.interface.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { TaskPriority, TaskStatus } from '../enums/task.enums.js';

@ObjectType({ description: 'A person a task is assigned to, as the task lists them.' })
export class TaskAssignee {
  @Field(() => Int)
  userId!: number;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;
}

@ObjectType({ description: 'A task of a project.', implements: Node })
export class Task {
  @Field(() => Int, { description: 'Upstream task id.' })
  taskId!: number;

  @Field(() => Int)
  workspaceId!: number;

  @Field(() => Int)
  projectId!: number;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => TaskStatus)
  status!: TaskStatus;

  @Field(() => TaskPriority)
  priority!: TaskPriority;

  @Field(() => DateScalar, { nullable: true })
  startDate!: string | null;

  @Field(() => DateScalar, { nullable: true })
  endDate!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  completedAt!: string | null;

  @Field(() => Int, { nullable: true, description: 'Parent task id, for sub-tasks.' })
  parentTaskId!: number | null;

  @Field(() => Int, { nullable: true })
  creatorId!: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: string | null;
}
