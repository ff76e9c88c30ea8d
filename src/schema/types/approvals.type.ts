import { WorkspaceObject } from './workspace-object.js';
import { Node } from './node.interface.js';
import { BatchItemError } from './batch-item-error.type.js';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ApprovalStatus } from '../enums/approval-status.enum.js';
import { DateScalar } from '../scalars/date.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { connectionOf } from './connection.js';

@ObjectType({
  description: 'A request for manual time, approved or rejected by an Owner or Executive Manager.',
  implements: Node,
})
export class TimeRequest extends WorkspaceObject {
  @Field(() => ID, { description: 'Upstream time request id (an encrypted string or a UUID).' })
  timeRequestId!: string;

  @Field(() => ApprovalStatus, { description: 'PENDING until approved or rejected.' })
  status!: ApprovalStatus;

  @Field(() => Int, { nullable: true, description: 'Who asked for the time (`Member.userId`).' })
  userId!: number | null;

  @Field(() => Int, { nullable: true, description: 'The contract the time is for; null when not given.' })
  contractId!: number | null;

  @Field(() => Int, { nullable: true, description: 'The project the time is for; null when not given.' })
  projectId!: number | null;

  @Field(() => Int, { nullable: true, description: 'The task the time is for; null when not given.' })
  taskId!: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Start of the requested time (UTC).' })
  start!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End of the requested time (UTC).' })
  end!: string | null;

  @Field(() => String, { nullable: true, description: 'What the time was for.' })
  notes!: string | null;

  @Field(() => String, { nullable: true, description: 'The rejection comment.' })
  comment!: string | null;

  @Field(() => Int, { nullable: true, description: 'User id of who approved or rejected it.' })
  updatedBy!: number | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the request was made (UTC); null when WebWork does not say.',
  })
  createdAt!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was last changed, e.g. approved (UTC); null when WebWork does not say.',
  })
  updatedAt!: string | null;
}

@ObjectType({ description: 'A leave request of a member under a leave policy.', implements: Node })
export class Leave extends WorkspaceObject {
  @Field(() => ID, { description: 'Upstream leave id (UUID).' })
  leaveId!: string;

  @Field(() => ApprovalStatus, { description: 'PENDING until approved or rejected.' })
  status!: ApprovalStatus;

  @Field(() => Int, { nullable: true, description: 'Whose leave it is (`Member.userId`).' })
  userId!: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of leave.' })
  startDate!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Last day of leave (inferred field, from the legacy API); null when WebWork does not send it.',
  })
  endDate!: string | null;

  @Field(() => String, { nullable: true, description: 'The reason given with the request.' })
  note!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the leave is paid (upstream `is_paid` yes/no); null when WebWork does not say.',
  })
  isPaid!: boolean | null;

  @Field(() => Int, { nullable: true, description: 'User id of who made the request.' })
  createdBy!: number | null;

  @Field(() => Int, { nullable: true, description: 'User id of who approved it; null unless approved.' })
  approvedBy!: number | null;

  @Field(() => Int, { nullable: true, description: 'User id of who rejected it; null unless rejected.' })
  rejectedBy!: number | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected; null unless rejected.' })
  rejectReason!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'When it was requested (inferred field, from the legacy API); null when WebWork does not send it.',
  })
  createdOn!: string | null;

  @Field(() => Float, { nullable: true, description: 'Length in days, when WebWork tells it.' })
  days!: number | null;

  @Field(() => Float, { nullable: true, description: 'Length in hours, when WebWork tells it.' })
  hours!: number | null;
}

@ObjectType({ description: 'A leave policy of a workspace (Vacation, Sick leave, ...).', implements: Node })
export class LeavePolicy extends WorkspaceObject {
  @Field(() => ID, {
    description: 'Upstream policy id (an integer in the docs), as `policyId` of requestLeave.',
  })
  policyId!: string;

  @Field({ description: 'Policy name, e.g. Vacation.' })
  name!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether leave under this policy is paid; null when WebWork does not say.',
  })
  isPaid!: boolean | null;

  @Field(() => String, { nullable: true, description: 'days or hours.' })
  timeUnit!: string | null;
}

@ObjectType({ description: 'The balance of one leave type.' })
export class LeaveBalanceItem {
  @Field({ description: 'The leave type (the policy name).' })
  leaveType!: string;

  @Field({ description: 'As WebWork formats it, e.g. "10 days".' })
  balance!: string;

  @Field(() => Float, { nullable: true, description: 'The balance in days, when it reads as "<n> day(s)".' })
  days!: number | null;
}

@ObjectType({ description: "A member's leave balances over a date range." })
export class LeaveBalance extends WorkspaceObject {
  @Field(() => Int, { description: 'Whose balances these are (`Member.userId`).' })
  userId!: number;

  @Field(() => DateScalar, { description: 'First day of the range asked for.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day of the range asked for (inclusive).' })
  to!: string;

  @Field(() => [LeaveBalanceItem], { description: 'One balance per leave type.' })
  items!: LeaveBalanceItem[];

  @Field(() => String, { nullable: true, description: 'As WebWork formats it, e.g. "15 days".' })
  totalBalance!: string | null;
}

export const TimeRequestConnection = connectionOf(TimeRequest, 'TimeRequest');
export const LeaveConnection = connectionOf(Leave, 'Leave');

@ObjectType({ description: 'The outcome of one time request of approveTimeRequests.' })
export class TimeRequestBatchResult {
  @Field(() => ID, { description: 'The id this item was given in the input.' })
  timeRequestId!: string;

  @Field({ description: 'True when WebWork applied the approval.' })
  ok!: boolean;

  @Field(() => TimeRequest, { nullable: true, description: 'The time request after the approval.' })
  timeRequest!: unknown;

  @Field(() => BatchItemError, {
    nullable: true,
    description: 'Why this item failed; null when it succeeded.',
  })
  error!: BatchItemError | null;
}

@ObjectType({ description: 'The outcome of one leave of approveLeaves.' })
export class LeaveBatchResult {
  @Field(() => ID, { description: 'The id this item was given in the input.' })
  leaveId!: string;

  @Field({ description: 'True when WebWork applied the approval.' })
  ok!: boolean;

  @Field(() => Leave, { nullable: true, description: 'The leave after the approval.' })
  leave!: unknown;

  @Field(() => BatchItemError, {
    nullable: true,
    description: 'Why this item failed; null when it succeeded.',
  })
  error!: BatchItemError | null;
}

@ObjectType({
  description: 'The answer of approveTimeRequests: one result per time request, and the counts.',
})
export class ApproveTimeRequestsPayload {
  @Field(() => [TimeRequestBatchResult], { description: 'One result per id, in the order given.' })
  results!: TimeRequestBatchResult[];

  @Field(() => Int, { description: 'Items approved.' })
  approvedCount!: number;

  @Field(() => Int, { description: 'Items that failed (see their `error`).' })
  failedCount!: number;
}

@ObjectType({ description: 'The answer of approveLeaves: one result per leave, and the counts.' })
export class ApproveLeavesPayload {
  @Field(() => [LeaveBatchResult], { description: 'One result per id, in the order given.' })
  results!: LeaveBatchResult[];

  @Field(() => Int, { description: 'Items approved.' })
  approvedCount!: number;

  @Field(() => Int, { description: 'Items that failed (see their `error`).' })
  failedCount!: number;
}
