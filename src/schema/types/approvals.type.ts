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
export class TimeRequest {
  @Field(() => ID, { description: 'Upstream time request id (an encrypted string or a UUID).' })
  timeRequestId!: string;

  @Field(() => Int)
  workspaceId!: number;

  @Field(() => ApprovalStatus)
  status!: ApprovalStatus;

  @Field(() => Int, { nullable: true })
  userId!: number | null;

  @Field(() => Int, { nullable: true })
  contractId!: number | null;

  @Field(() => Int, { nullable: true })
  projectId!: number | null;

  @Field(() => Int, { nullable: true })
  taskId!: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  start!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  end!: string | null;

  @Field(() => String, { nullable: true, description: 'What the time was for.' })
  notes!: string | null;

  @Field(() => String, { nullable: true, description: 'The rejection comment.' })
  comment!: string | null;

  @Field(() => Int, { nullable: true, description: 'User id of who approved or rejected it.' })
  updatedBy!: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: string | null;
}

@ObjectType({ description: 'A leave request of a member under a leave policy.', implements: Node })
export class Leave {
  @Field(() => ID, { description: 'Upstream leave id (UUID).' })
  leaveId!: string;

  @Field(() => Int)
  workspaceId!: number;

  @Field(() => ApprovalStatus)
  status!: ApprovalStatus;

  @Field(() => Int, { nullable: true })
  userId!: number | null;

  @Field(() => DateScalar, { nullable: true })
  startDate!: string | null;

  @Field(() => DateScalar, { nullable: true })
  endDate!: string | null;

  @Field(() => String, { nullable: true, description: 'The reason given with the request.' })
  note!: string | null;

  @Field(() => Boolean, { nullable: true })
  isPaid!: boolean | null;

  @Field(() => Int, { nullable: true })
  createdBy!: number | null;

  @Field(() => Int, { nullable: true })
  approvedBy!: number | null;

  @Field(() => Int, { nullable: true })
  rejectedBy!: number | null;

  @Field(() => String, { nullable: true })
  rejectReason!: string | null;

  @Field(() => DateScalar, { nullable: true })
  createdOn!: string | null;

  @Field(() => Float, { nullable: true, description: 'Length in days, when WebWork tells it.' })
  days!: number | null;

  @Field(() => Float, { nullable: true, description: 'Length in hours, when WebWork tells it.' })
  hours!: number | null;
}

@ObjectType({ description: 'A leave policy of a workspace (Vacation, Sick leave, ...).', implements: Node })
export class LeavePolicy {
  @Field(() => ID, {
    description: 'Upstream policy id (an integer in the docs), as `policyId` of requestLeave.',
  })
  policyId!: string;

  @Field(() => Int)
  workspaceId!: number;

  @Field()
  name!: string;

  @Field(() => Boolean, { nullable: true })
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
export class LeaveBalance {
  @Field(() => Int)
  workspaceId!: number;

  @Field(() => Int)
  userId!: number;

  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar)
  to!: string;

  @Field(() => [LeaveBalanceItem])
  items!: LeaveBalanceItem[];

  @Field(() => String, { nullable: true, description: 'As WebWork formats it, e.g. "15 days".' })
  totalBalance!: string | null;
}

export const TimeRequestConnection = connectionOf(TimeRequest, 'TimeRequest');
export const LeaveConnection = connectionOf(Leave, 'Leave');

@ObjectType({ description: 'The outcome of one time request of approveTimeRequests.' })
export class TimeRequestBatchResult {
  @Field(() => ID)
  timeRequestId!: string;

  @Field({ description: 'True when WebWork applied the approval.' })
  ok!: boolean;

  @Field(() => TimeRequest, { nullable: true, description: 'The time request after the approval.' })
  timeRequest!: unknown;

  @Field(() => BatchItemError, { nullable: true })
  error!: BatchItemError | null;
}

@ObjectType({ description: 'The outcome of one leave of approveLeaves.' })
export class LeaveBatchResult {
  @Field(() => ID)
  leaveId!: string;

  @Field({ description: 'True when WebWork applied the approval.' })
  ok!: boolean;

  @Field(() => Leave, { nullable: true, description: 'The leave after the approval.' })
  leave!: unknown;

  @Field(() => BatchItemError, { nullable: true })
  error!: BatchItemError | null;
}

@ObjectType()
export class ApproveTimeRequestsPayload {
  @Field(() => [TimeRequestBatchResult], { description: 'One result per id, in the order given.' })
  results!: TimeRequestBatchResult[];

  @Field(() => Int)
  approvedCount!: number;

  @Field(() => Int)
  failedCount!: number;
}

@ObjectType()
export class ApproveLeavesPayload {
  @Field(() => [LeaveBatchResult], { description: 'One result per id, in the order given.' })
  results!: LeaveBatchResult[];

  @Field(() => Int)
  approvedCount!: number;

  @Field(() => Int)
  failedCount!: number;
}
