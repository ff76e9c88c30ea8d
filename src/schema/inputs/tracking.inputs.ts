import { Field, InputType, Int } from 'type-graphql';

export const MAX_ACTIVITY_DESCRIPTION = 1000;

@InputType({
  description:
    'Start a tracker for a member. Owners and Executive Managers only, for any member (other roles get FORBIDDEN); userId is required, also for yourself.',
})
export class StartTrackingInput {
  @Field(() => Int)
  workspaceId!: number;

  @Field(() => Int)
  userId!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Contract (member × project) to track on; omit to track without a project.',
  })
  contractId?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "A task of the contract's project; only together with contractId.",
  })
  taskId?: number | null;

  @Field(() => String, {
    nullable: true,
    description: `What is being worked on, at most ${MAX_ACTIVITY_DESCRIPTION} characters.`,
  })
  activityDescription?: string | null;
}

@InputType()
export class StopTrackingInput {
  @Field(() => Int)
  workspaceId!: number;

  @Field(() => Int)
  userId!: number;
}
