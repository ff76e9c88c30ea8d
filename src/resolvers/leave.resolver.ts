import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { inputArg } from './input-arg.js';
import {
  approveLeave,
  type LeaveBalanceRecord,
  leaveBalancesList,
  type LeavePolicyRecord,
  leavePoliciesList,
  type LeaveRecord,
  leavesList,
  type LeavesArgs as ListArgs,
  rejectLeave,
  requestLeave,
} from '../catalogue/leaves.operations.js';
import type { MemberRecord } from '../catalogue/members.operations.js';
import type { WorkspaceRecord } from '../catalogue/workspaces.operations.js';
import { GatewayError } from '../errors/gateway-error.js';
import {
  ApproveLeaveInput,
  ApproveLeavesInput,
  LeavesArgs,
  MAX_APPROVAL_TEXT,
  RejectLeaveInput,
  RequestLeaveInput,
  WorkspaceLeavesArgs,
} from '../schema/inputs/approvals.inputs.js';
import { DateScalar } from '../schema/scalars/date.scalar.js';
import {
  ApproveLeavesPayload,
  Leave,
  LeaveBalance,
  LeaveConnection,
  LeavePolicy,
} from '../schema/types/approvals.type.js';
import { Member } from '../schema/types/member.type.js';
import { Workspace } from '../schema/types/workspace.type.js';
import type { RequestContext } from '../server/context.js';
import { dateRange, naming, stringId } from './approval-checks.js';
import { approvalMoves } from './approval-moves.js';
import { workspaceAndMemberConnections } from './connection-field.js';
import { related } from './lookup-field.js';
import { WorkspaceNodeResolver } from './node.resolver.js';
import { maxLength, positiveId } from './validate.js';

const ROLES_READ = 'Owners and Executive Managers see every member’s; other members only their own.';

/**
 * The policy of each leave of a workspace, for leaves whose answer does not name it (the docs show
 * no `policy_id` on a leave): one `GET /leaves?policy_id=` list per policy (a handful), read once
 * per request through the memo and cached like any list.
 */
async function policyOfLeave(ctx: RequestContext, leave: LeaveRecord): Promise<LeavePolicyRecord | null> {
  const { memo } = ctx.loaders;
  const policies = await memo.all(leavePoliciesList, { workspaceId: leave.workspaceId });
  if (leave.policyId != null) return policies.find((p) => p.policyId === leave.policyId) ?? null;
  const lists = await Promise.all(
    policies.map(async (policy) => ({
      policy,
      leaves: await memo.all(leavesList, { workspaceId: leave.workspaceId, policyId: policy.policyId }),
    })),
  );
  return lists.find((l) => l.leaves.some((other) => other.leaveId === leave.leaveId))?.policy ?? null;
}

@Resolver(() => LeavePolicy)
export class LeavePolicyResolver extends WorkspaceNodeResolver(
  LeavePolicy,
  (p: LeavePolicyRecord) => p.policyId,
) {}

@Resolver(() => Leave)
export class LeaveResolver extends WorkspaceNodeResolver(Leave, (l: LeaveRecord) => l.leaveId) {
  @FieldResolver(() => Boolean, {
    description:
      'False only on a mutation answer when WebWork applied the write but the leave could not be read back: the fields WebWork did not tell are null. Do not repeat the write; read the leave again later.',
  })
  complete(@Root() leave: LeaveRecord): boolean {
    return leave.readBackFailed !== true;
  }

  @FieldResolver(() => Member, { nullable: true, description: 'Who the leave is for.' })
  member(@Root() leave: LeaveRecord, @Ctx() ctx: RequestContext): Promise<MemberRecord | null> | null {
    return related(ctx.loaders.member, leave.workspaceId, leave.userId);
  }

  @FieldResolver(() => LeavePolicy, {
    nullable: true,
    description:
      'The leave policy. From the workspace’s policy list (one call per request); where WebWork does not name the policy on the leave, from one leave list per policy.',
  })
  policy(@Root() leave: LeaveRecord, @Ctx() ctx: RequestContext): Promise<LeavePolicyRecord | null> {
    return policyOfLeave(ctx, leave);
  }
}

const BALANCE_DAYS = /^(-?\d+(?:\.\d+)?) days?$/;

@Resolver(() => Member)
export class MemberLeaveBalancesResolver {
  @FieldResolver(() => LeaveBalance, {
    nullable: true,
    description: `The member’s leave balances over from..to (inclusive). One call serves every member of the request for the same range. Null for members WebWork keeps no balance for (project viewers, archived members). ${ROLES_READ}`,
  })
  async leaveBalances(
    @Root() member: MemberRecord,
    @Arg('from', () => DateScalar, { description: 'First day of the range.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day of the range (inclusive), on or after `from`.' })
    to: string,
    @Ctx() ctx: RequestContext,
  ): Promise<(LeaveBalanceRecord & { items: { days: number | null }[] }) | null> {
    dateRange('from', from, 'to', to);
    const rows = await ctx.loaders.memo.all(leaveBalancesList, { workspaceId: member.workspaceId, from, to });
    const row = rows.find((r) => r.userId === member.userId);
    if (!row) return null;
    return {
      ...row,
      items: row.items.map((i) => {
        const match = BALANCE_DAYS.exec(i.balance.trim());
        return { ...i, days: match ? Number(match[1]) : null };
      }),
    };
  }
}

@Resolver(() => Workspace)
export class WorkspaceLeavePoliciesResolver {
  @FieldResolver(() => [LeavePolicy], {
    nullable: true,
    description: 'The workspace’s leave policies (the `policyId` of requestLeave). Any member.',
  })
  leavePolicies(@Root() ws: WorkspaceRecord, @Ctx() ctx: RequestContext): Promise<LeavePolicyRecord[]> {
    return ctx.loaders.memo.all(leavePoliciesList, { workspaceId: ws.workspaceId });
  }
}

const listArgs = (workspaceId: number, args: WorkspaceLeavesArgs, userId?: number): ListArgs => {
  dateRange('from', args.from, 'to', args.to);
  if (args.policyId != null) stringId('policyId', args.policyId, 'leave policy');
  if (args.userId != null) positiveId('userId', args.userId);
  return {
    workspaceId,
    userId: userId ?? args.userId,
    policyId: args.policyId,
    status: args.status,
    isPaid: args.isPaid,
    from: args.from,
    to: args.to,
  };
};

export const [WorkspaceLeavesResolver, MemberLeavesResolver] = workspaceAndMemberConnections({
  field: 'leaves',
  connection: LeaveConnection,
  list: leavesList,
  workspace: {
    args: WorkspaceLeavesArgs,
    description: `Leave requests of this workspace, filtered by status, member, policy, paid or not, and days overlapping from..to. ${ROLES_READ}`,
  },
  member: { args: LeavesArgs, description: `This member’s leave requests. ${ROLES_READ}` },
  toArgs: listArgs,
});

@Resolver()
export class LeaveMutationsResolver {
  @Mutation(() => Leave, {
    nullable: true,
    description:
      'Requests leave for a member under a policy (pending until approved). Owners and Executive Managers for any member; other members for themselves; project viewers never (FORBIDDEN). Sent once, never retried. WebWork answers without the new leave, so it is read back by member and dates; if that read fails the leave was still requested: the error says so (do not repeat it; read Member.leaves).',
  })
  async requestLeave(
    @inputArg(RequestLeaveInput) input: RequestLeaveInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LeaveRecord> {
    positiveId('input.workspaceId', input.workspaceId);
    positiveId('input.userId', input.userId);
    stringId('input.policyId', input.policyId, 'leave policy');
    dateRange('input.start', input.start, 'input.end', input.end);
    maxLength('input.reason', input.reason, MAX_APPROVAL_TEXT);
    const leave = await naming(
      'requestLeave',
      'input.userId',
      input.userId,
      () => ctx.operations.write(ctx.caller, requestLeave, { ...input }),
      'input.start',
    );
    if (leave.leaveId === '') {
      throw new GatewayError(
        'UPSTREAM_UNAVAILABLE',
        `WebWork accepted the leave request of user ${input.userId} (${input.start}..${input.end}) but it could not be read back. Do not request it again: read Member.leaves for it.`,
      );
    }
    return leave;
  }
}

export const LeaveDecisionsResolver = approvalMoves({
  noun: 'Leave',
  returns: Leave,
  idField: 'leaveId',
  nodeField: 'leave',
  what: 'leave',
  short: 'leave',
  plural: 'leave requests',
  reasonField: 'reason',
  approves: 'Approves a pending leave request.',
  rejects: 'Rejects a pending leave request with a reason.',
  inputs: { approve: ApproveLeaveInput, reject: RejectLeaveInput, batch: ApproveLeavesInput },
  payload: ApproveLeavesPayload,
  approve: approveLeave,
  reject: rejectLeave,
});
