import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { ContractRecord } from '../datasources/contracts.api.js';
import type { MemberRecord } from '../datasources/members.api.js';
import type { TaskRecord } from '../datasources/tasks.api.js';
import type { TrackerRecord } from '../datasources/tracking.api.js';
import { badUserInput } from '../errors/gateway-error.js';
import { globalId } from '../schema/global-id.js';
import {
  MAX_ACTIVITY_DESCRIPTION,
  StartTrackingInput,
  StopTrackingInput,
} from '../schema/inputs/tracking.inputs.js';
import { Contract } from '../schema/types/contract.type.js';
import { Member } from '../schema/types/member.type.js';
import { Task } from '../schema/types/task.type.js';
import { TrackerState } from '../schema/types/tracker-state.type.js';
import type { RequestContext } from '../server/context.js';
import { maxLength, positiveId } from './validate.js';

@Resolver(() => TrackerState)
export class TrackerResolver {
  @Mutation(() => TrackerState, {
    nullable: true,
    description: 'Starts a tracker. Sent to WebWork exactly once (never retried); returns the fresh state.',
  })
  startTracking(
    @Arg('input', () => StartTrackingInput) input: StartTrackingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<TrackerRecord> {
    positiveId('input.workspaceId', input.workspaceId);
    positiveId('input.userId', input.userId);
    if (input.contractId != null) positiveId('input.contractId', input.contractId);
    if (input.taskId != null) {
      positiveId('input.taskId', input.taskId);
      if (input.contractId == null) {
        throw badUserInput(
          'input.taskId',
          "input.taskId needs input.contractId: a task is tracked on a contract's project",
        );
      }
    }
    maxLength('input.activityDescription', input.activityDescription, MAX_ACTIVITY_DESCRIPTION);
    return ctx.datasources.tracking.start(ctx.caller, input);
  }

  @Mutation(() => TrackerState, {
    nullable: true,
    description:
      'Stops a running tracker. Sent to WebWork exactly once (never retried); returns the fresh state.',
  })
  stopTracking(
    @Arg('input', () => StopTrackingInput) input: StopTrackingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<TrackerRecord> {
    positiveId('input.workspaceId', input.workspaceId);
    positiveId('input.userId', input.userId);
    return ctx.datasources.tracking.stop(ctx.caller, input.workspaceId, input.userId);
  }

  @FieldResolver(() => ID)
  id(@Root() tracker: TrackerRecord): string {
    return globalId('TrackerState', tracker.workspaceId, tracker.userId);
  }

  @FieldResolver(() => Int, {
    description: 'Time tracked today, including the running tracker, in whole minutes.',
  })
  todayMinutes(@Root() tracker: TrackerRecord): number {
    return Math.floor(tracker.todaySeconds / 60);
  }

  @FieldResolver(() => Member, { nullable: true })
  member(@Root() tracker: TrackerRecord, @Ctx() ctx: RequestContext): Promise<MemberRecord> {
    return ctx.loaders.member.load({ workspaceId: tracker.workspaceId, userId: tracker.userId });
  }

  @FieldResolver(() => Contract, {
    nullable: true,
    description: 'The contract being tracked on; null when idle or tracking without one.',
  })
  contract(@Root() tracker: TrackerRecord, @Ctx() ctx: RequestContext): Promise<ContractRecord> | null {
    if (!tracker.isRunning || tracker.contractId == null) return null;
    return ctx.loaders.contract.load({ workspaceId: tracker.workspaceId, contractId: tracker.contractId });
  }

  @FieldResolver(() => Task, { nullable: true })
  async task(@Root() tracker: TrackerRecord, @Ctx() ctx: RequestContext): Promise<TaskRecord | null> {
    if (!tracker.isRunning || tracker.taskId == null) return null;
    const projectId =
      tracker.projectId ??
      (tracker.contractId == null
        ? null
        : (
            await ctx.loaders.contract.load({
              workspaceId: tracker.workspaceId,
              contractId: tracker.contractId,
            })
          ).projectId);
    return ctx.loaders.task.load({ workspaceId: tracker.workspaceId, taskId: tracker.taskId, projectId });
  }
}
