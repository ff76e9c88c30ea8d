import { ArgsType, Field, Int } from 'type-graphql';
import { TaskPriority, TaskStatus } from '../enums/task.enums.js';
import { PageArgs } from './page.args.js';

@ArgsType()
export class TasksArgs extends PageArgs {
  @Field(() => TaskStatus, { nullable: true, description: 'Only tasks with this status.' })
  status?: TaskStatus | null;

  @Field(() => TaskPriority, { nullable: true, description: 'Only tasks with this priority.' })
  priority?: TaskPriority | null;

  @Field(() => Int, { nullable: true, description: 'Only tasks of this contract.' })
  contractId?: number | null;
}
