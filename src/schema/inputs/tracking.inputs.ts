import { Field, InputType, Int } from 'type-graphql';

export const MAX_ACTIVITY_DESCRIPTION = 1000;

@InputType({
  description:
    'Start a tracker for a member. Owners and Executive Managers only, for any member (other roles get FORBIDDEN); userId is required, also for yourself.',
})
export class StartTrackingInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => Int, { description: 'Whose tracker to start (`Member.userId`).' })
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

@InputType({
  description:
    "Stop a member's running tracker (Owners and Executive Managers for any member; doc set B also lets members stop their own).",
})
export class StopTrackingInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => Int, { description: 'Whose tracker to stop (`Member.userId`).' })
  userId!: number;
}
