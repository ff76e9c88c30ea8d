import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A task that was deleted: its ids, for client caches to evict.' })
export class DeletedTask {
  @Field(() => Int, { description: 'The workspace the task was in.' })
  workspaceId!: number;

  @Field(() => Int, { description: 'The project the task was in.' })
  projectId!: number;

  @Field(() => Int, { description: 'Upstream id of the deleted task.' })
  taskId!: number;
}

@ObjectType({ description: 'A contract that was deleted: its ids, for client caches to evict.' })
export class DeletedContract {
  @Field(() => Int, { description: 'The workspace the contract was in.' })
  workspaceId!: number;

  @Field(() => Int, { description: 'Upstream id of the deleted contract.' })
  contractId!: number;
}
