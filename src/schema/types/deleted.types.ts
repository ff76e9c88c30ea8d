import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A task that was deleted: its ids, for client caches to evict.' })
export class DeletedTask {
  @Field(() => Int)
  workspaceId!: number;

  @Field(() => Int)
  projectId!: number;

  @Field(() => Int)
  taskId!: number;
}

@ObjectType({ description: 'A contract that was deleted: its ids, for client caches to evict.' })
export class DeletedContract {
  @Field(() => Int)
  workspaceId!: number;

  @Field(() => Int)
  contractId!: number;
}
