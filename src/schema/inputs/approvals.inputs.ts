import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ApprovalStatus } from '../enums/approval-status.enum.js';
import { DateScalar } from '../scalars/date.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { PageArgs } from './page.args.js';

/** Longest comment, reason or note the gateway sends (the simulator's limit; WebWork documents none). */
export const MAX_APPROVAL_TEXT = 1000;
/** Most ids one batch approval takes. */
export const MAX_BATCH_ITEMS = 50;

@ArgsType()
export class TimeRequestsArgs extends PageArgs {
  @Field(() => ApprovalStatus, { nullable: true, description: 'Only requests in this state.' })
  status?: ApprovalStatus | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Requests starting on or after this day (give `to` too: doc set A requires both).',
  })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Requests starting on or before this day.' })
  to?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only requests for this project (`Project.projectId`).' })
  projectId?: number | null;
}

@ArgsType()
export class WorkspaceTimeRequestsArgs extends TimeRequestsArgs {
  @Field(() => Int, { nullable: true, description: 'Only this member’s requests.' })
  userId?: number | null;
}

@ArgsType()
export class LeavesArgs extends PageArgs {
  @Field(() => ApprovalStatus, { nullable: true, description: 'Only leaves in this state.' })
  status?: ApprovalStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'Leaves ending on or after this day.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Leaves starting on or before this day.' })
  to?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only leaves under this policy (LeavePolicy.policyId).' })
  policyId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only paid (true) or only unpaid (false) leaves.' })
  isPaid?: boolean | null;
}

@ArgsType()
export class WorkspaceLeavesArgs extends LeavesArgs {
  @Field(() => Int, { nullable: true, description: 'Only this member’s leaves.' })
  userId?: number | null;
}

@InputType({
  description:
    'Request manual time for a member. Owners and Executive Managers for any member; other members for themselves (WebWork refuses the rest: FORBIDDEN).',
})
export class CreateTimeRequestInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => Int, { description: 'Whose time it is (`Member.userId`).' })
  userId!: number;

  @Field(() => Int, { nullable: true, description: 'The member’s contract (doc set B requires it).' })
  contractId?: number | null;

  @Field(() => Int, { nullable: true, description: "A task of the contract's project." })
  taskId?: number | null;

  @Field(() => DateTimeScalar, { description: 'Start of the requested time (ISO 8601; stored in UTC).' })
  start!: Date;

  @Field(() => DateTimeScalar, { description: 'After `start`.' })
  end!: Date;

  @Field(() => String, {
    nullable: true,
    description: `What the time was for, at most ${MAX_APPROVAL_TEXT} characters.`,
  })
  notes?: string | null;
}

@InputType({ description: 'Approve a pending time request (Owners and Executive Managers).' })
export class ApproveTimeRequestInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => ID, { description: 'The request to approve (`TimeRequest.timeRequestId`).' })
  timeRequestId!: string;
}

@InputType({ description: 'Reject a pending time request with a comment (Owners and Executive Managers).' })
export class RejectTimeRequestInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => ID, { description: 'The request to reject (`TimeRequest.timeRequestId`).' })
  timeRequestId!: string;

  @Field({ description: `Why, 1..${MAX_APPROVAL_TEXT} characters (required by WebWork).` })
  comment!: string;
}

@InputType({ description: 'Approve pending time requests, each on its own (Owners and Executive Managers).' })
export class ApproveTimeRequestsInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => [ID], { description: `1..${MAX_BATCH_ITEMS} distinct time request ids.` })
  timeRequestIds!: string[];
}

@InputType({
  description:
    'Request leave for a member under a policy. Owners and Executive Managers for any member; other members for themselves (WebWork refuses the rest: FORBIDDEN).',
})
export class RequestLeaveInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => Int, { description: 'Whose leave it is (`Member.userId`).' })
  userId!: number;

  @Field(() => ID, { description: 'LeavePolicy.policyId (Workspace.leavePolicies).' })
  policyId!: string;

  @Field(() => DateScalar, { description: 'First day of leave.' })
  start!: string;

  @Field(() => DateScalar, { description: 'Last day of leave, on or after `start`.' })
  end!: string;

  @Field(() => String, { nullable: true, description: `At most ${MAX_APPROVAL_TEXT} characters.` })
  reason?: string | null;
}

@InputType({ description: 'Approve a pending leave request (Owners and Executive Managers).' })
export class ApproveLeaveInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => ID, { description: 'The leave to approve (`Leave.leaveId`).' })
  leaveId!: string;
}

@InputType({ description: 'Reject a pending leave request with a reason (Owners and Executive Managers).' })
export class RejectLeaveInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => ID, { description: 'The leave to reject (`Leave.leaveId`).' })
  leaveId!: string;

  @Field({ description: `Why, 1..${MAX_APPROVAL_TEXT} characters (required by WebWork).` })
  reason!: string;
}

@InputType({
  description: 'Approve pending leave requests, each on its own (Owners and Executive Managers).',
})
export class ApproveLeavesInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => [ID], { description: `1..${MAX_BATCH_ITEMS} distinct leave ids.` })
  leaveIds!: string[];
}
