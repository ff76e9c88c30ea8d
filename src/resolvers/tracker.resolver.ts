import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ContractRecord } from '../catalogue/contracts.operations.js';
import type { MemberRecord } from '../catalogue/members.operations.js';
import type { TaskRecord } from '../catalogue/tasks.operations.js';
import { startTracking, stopTracking, type TrackerRecord } from '../catalogue/tracking.operations.js';
import { badUserInput } from '../errors/gateway-error.js';
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
import { NodeResolver } from './node.resolver.js';
import { stateMove } from './state-move.js';
import { maxLength, positiveId } from './validate.js';

@Resolver(() => TrackerState)
export class TrackerResolver extends NodeResolver(TrackerState, (t: TrackerRecord) => [
  t.workspaceId,
  t.userId,
]) {
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
      "False when today's totals (todaySeconds, todayMinutes, date) are not known: on the answer of startTracking or stopTracking when WebWork applied the write but the state could not be read back afterwards (the write happened: do not repeat it; the answer holds what the write itself told), on a state served from the live store older than the tracker TTL (see asOf), and on an unknown state (isRunning null). Read the tracker again later for them.",
  })
  complete(@Root() tracker: TrackerRecord): boolean {
    return tracker.readBackFailed !== true && tracker.todaySeconds !== null;
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The member whose tracker this is.' })
  member(@Root() tracker: TrackerRecord, @Ctx() ctx: RequestContext): Promise<MemberRecord> {
    return ctx.loaders.member.load({ workspaceId: tracker.workspaceId, id: tracker.userId });
  }

  @FieldResolver(() => Contract, {
    nullable: true,
    description: 'The contract being tracked on; null when idle or tracking without one.',
  })
  contract(@Root() tracker: TrackerRecord, @Ctx() ctx: RequestContext): Promise<ContractRecord> | null {
    if (!tracker.isRunning || tracker.contractId == null) return null;
    return ctx.loaders.contract.load({ workspaceId: tracker.workspaceId, id: tracker.contractId });
  }

  @FieldResolver(() => Task, {
    nullable: true,
    description: 'The task being tracked; null when idle or tracking without a task.',
  })
  async task(@Root() tracker: TrackerRecord, @Ctx() ctx: RequestContext): Promise<TaskRecord | null> {
    if (!tracker.isRunning || tracker.taskId == null) return null;
    const { workspaceId, contractId } = tracker;
    const projectId =
      tracker.projectId ??
      (contractId == null
        ? null
        : (await ctx.loaders.contract.load({ workspaceId, id: contractId })).projectId);
    return ctx.loaders.task.load({ workspaceId, id: tracker.taskId, projectId });
  }
}

/** The seed (REFERENCE §0, §10.11 doc set A): start and stop are for Owners and Executive Managers. */
const TRACKING_REFUSAL = {
  action: 'start or stop trackers (for any member, their own included)',
  roles: 'Owners and Executive Managers',
};

export const StartTrackingResolver = stateMove({
  name: 'startTracking',
  input: StartTrackingInput,
  returns: TrackerState,
  description:
    'Starts a tracker. Owners and Executive Managers only (FORBIDDEN for other roles, naming what was refused). Sent to WebWork exactly once (never retried). Returns the state read back after the start; if that read fails, the start still happened and the answer is what it told, with `complete: false` (do not repeat it). Null with an error when the start itself failed (after UPSTREAM_TIMEOUT WebWork may still have applied it: read the tracker before trying again).',
  write: startTracking,
  refusal: TRACKING_REFUSAL,
  after: (tracker, ctx) => ctx.live?.recordWrite(tracker, 'tracker.started') ?? Promise.resolve(tracker),
  toArgs: (input) => {
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
    return input;
  },
});

export const StopTrackingResolver = stateMove({
  name: 'stopTracking',
  input: StopTrackingInput,
  returns: TrackerState,
  description:
    'Stops a running tracker. Owners and Executive Managers only (FORBIDDEN for other roles, naming what was refused). Sent to WebWork exactly once (never retried). Returns the state read back after the stop; if that read fails, the stop still happened and the answer says so, with `complete: false` (do not repeat it). Null with an error when the stop itself failed (after UPSTREAM_TIMEOUT WebWork may still have applied it: read the tracker before trying again).',
  write: stopTracking,
  refusal: TRACKING_REFUSAL,
  after: (tracker, ctx) => ctx.live?.recordWrite(tracker, 'tracker.stopped') ?? Promise.resolve(tracker),
  toArgs: (input) => {
    positiveId('input.workspaceId', input.workspaceId);
    positiveId('input.userId', input.userId);
    return input;
  },
});
