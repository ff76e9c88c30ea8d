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
    description:
      'Starts a tracker. Sent to WebWork exactly once (never retried). Returns the state read back after the start; if that read fails, the start still happened and the answer is what it told, with `complete: false` (do not repeat it). Null with an error when the start itself failed (after UPSTREAM_TIMEOUT WebWork may still have applied it: read the tracker before trying again).',
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
      'Stops a running tracker. Sent to WebWork exactly once (never retried). Returns the state read back after the stop; if that read fails, the stop still happened and the answer says so, with `complete: false` (do not repeat it). Null with an error when the stop itself failed (after UPSTREAM_TIMEOUT WebWork may still have applied it: read the tracker before trying again).',
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
    nullable: true,
    description:
      'Time tracked today, including the running tracker, in whole minutes. Null when `complete` is false.',
  })
  todayMinutes(@Root() tracker: TrackerRecord): number | null {
    return tracker.todaySeconds == null ? null : Math.floor(tracker.todaySeconds / 60);
  }

  @FieldResolver(() => Boolean, {
    description:
      'False only on the answer of startTracking or stopTracking when WebWork applied the write but the state could not be read back afterwards. The write happened (do not repeat it); the answer holds what the write itself told: isRunning, startedAt when WebWork returned it, the contract, task and activity of a start. todaySeconds, todayMinutes and date are then null; read the tracker again later for them.',
  })
  complete(@Root() tracker: TrackerRecord): boolean {
    return tracker.readBackFailed !== true;
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
