import { Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { inputArg } from './input-arg.js';
import type { ContractRecord } from '../catalogue/contracts.operations.js';
import type { MemberRecord } from '../catalogue/members.operations.js';
import type { ProjectRecord } from '../catalogue/projects.operations.js';
import {
  approveTimeRequest,
  createTimeRequest,
  rejectTimeRequest,
  timeRequestById,
  timeRequestsList,
  type TimeRequestRecord,
  type TimeRequestsArgs as ListArgs,
} from '../catalogue/time-requests.operations.js';
import { badUserInput } from '../errors/gateway-error.js';
import {
  ApproveTimeRequestInput,
  ApproveTimeRequestsInput,
  CreateTimeRequestInput,
  MAX_APPROVAL_TEXT,
  RejectTimeRequestInput,
  TimeRequestsArgs,
  WorkspaceTimeRequestsArgs,
} from '../schema/inputs/approvals.inputs.js';
import {
  ApproveTimeRequestsPayload,
  TimeRequest,
  TimeRequestConnection,
} from '../schema/types/approvals.type.js';
import { Contract } from '../schema/types/contract.type.js';
import { Member } from '../schema/types/member.type.js';
import { Project } from '../schema/types/project.type.js';
import type { RequestContext } from '../server/context.js';
import { dateRange, naming, wireDateTime } from './approval-checks.js';
import { approvalMoves } from './approval-moves.js';
import { workspaceAndMemberConnections } from './connection-field.js';
import { orNullWhenMissing, related } from './lookup-field.js';
import { WorkspaceNodeResolver } from './node.resolver.js';
import { maxLength, positiveId } from './validate.js';

const ROLES_READ = 'Owners and Executive Managers see every member’s requests; other members only their own.';

@Resolver(() => TimeRequest)
export class TimeRequestResolver extends WorkspaceNodeResolver(
  TimeRequest,
  (t: TimeRequestRecord) => t.timeRequestId,
) {
  @FieldResolver(() => Boolean, {
    description:
      'False only on a mutation answer when WebWork applied the write but the request could not be read back: the fields WebWork did not tell are null. Do not repeat the write; read the request again later.',
  })
  complete(@Root() request: TimeRequestRecord): boolean {
    return request.readBackFailed !== true;
  }

  @FieldResolver(() => Member, { nullable: true, description: 'Who the time is requested for.' })
  member(
    @Root() request: TimeRequestRecord,
    @Ctx() ctx: RequestContext,
  ): Promise<MemberRecord | null> | null {
    return related(ctx.loaders.member, request.workspaceId, request.userId);
  }

  @FieldResolver(() => Contract, { nullable: true, description: 'The contract the time is for, if any.' })
  contract(
    @Root() request: TimeRequestRecord,
    @Ctx() ctx: RequestContext,
  ): Promise<ContractRecord | null> | null {
    return related(ctx.loaders.contract, request.workspaceId, request.contractId);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project the time is for, if any.' })
  async project(
    @Root() request: TimeRequestRecord,
    @Ctx() ctx: RequestContext,
  ): Promise<ProjectRecord | null> {
    const { workspaceId, contractId } = request;
    const projectId =
      request.projectId ??
      (contractId == null
        ? null
        : ((await orNullWhenMissing(ctx.loaders.contract.load({ workspaceId, id: contractId })))?.projectId ??
          null));
    if (projectId == null) return null;
    return orNullWhenMissing(ctx.loaders.project.load({ workspaceId, id: projectId }));
  }
}

const listArgs = (workspaceId: number, args: WorkspaceTimeRequestsArgs, userId?: number): ListArgs => {
  dateRange('from', args.from, 'to', args.to);
  if (args.projectId != null) positiveId('projectId', args.projectId);
  if (args.userId != null) positiveId('userId', args.userId);
  return {
    workspaceId,
    userId: userId ?? args.userId,
    projectId: args.projectId,
    status: args.status,
    from: args.from,
    to: args.to,
  };
};

export const [WorkspaceTimeRequestsResolver, MemberTimeRequestsResolver] = workspaceAndMemberConnections({
  field: 'timeRequests',
  connection: TimeRequestConnection,
  list: timeRequestsList,
  workspace: {
    args: WorkspaceTimeRequestsArgs,
    description: `Requests for manual time in this workspace, filtered by status, member, project and start day (from..to, inclusive). ${ROLES_READ}`,
  },
  member: { args: TimeRequestsArgs, description: `This member’s requests for manual time. ${ROLES_READ}` },
  toArgs: listArgs,
});

@Resolver()
export class TimeRequestMutationsResolver {
  @Mutation(() => TimeRequest, {
    nullable: true,
    description:
      'Requests manual time for a member (pending until approved). Owners and Executive Managers for any member; other members for themselves; project viewers never (FORBIDDEN). Sent once, never retried; returns the new request read back (`complete: false` when that read failed).',
  })
  async createTimeRequest(
    @inputArg(CreateTimeRequestInput) input: CreateTimeRequestInput,
    @Ctx() ctx: RequestContext,
  ): Promise<TimeRequestRecord> {
    positiveId('input.workspaceId', input.workspaceId);
    positiveId('input.userId', input.userId);
    if (input.contractId != null) positiveId('input.contractId', input.contractId);
    if (input.taskId != null) positiveId('input.taskId', input.taskId);
    if (input.end.getTime() <= input.start.getTime()) {
      throw badUserInput(
        'input.end',
        `input.end must be after input.start (${wireDateTime(input.start)}), got ${wireDateTime(input.end)}`,
      );
    }
    maxLength('input.notes', input.notes, MAX_APPROVAL_TEXT);
    const args = {
      workspaceId: input.workspaceId,
      userId: input.userId,
      contractId: input.contractId,
      taskId: input.taskId,
      start: wireDateTime(input.start),
      end: wireDateTime(input.end),
      notes: input.notes,
    };
    const told = await naming('createTimeRequest', 'input.userId', input.userId, () =>
      ctx.operations.write(ctx.caller, createTimeRequest, args),
    );
    if (told.createdAt != null) return told;
    // Doc set A answers `{id, status}` only: the rest is read back by the new id.
    try {
      return await ctx.operations.read(ctx.caller, timeRequestById, {
        workspaceId: input.workspaceId,
        timeRequestId: told.timeRequestId,
      });
    } catch {
      return { ...told, readBackFailed: true };
    }
  }
}

export const TimeRequestDecisionsResolver = approvalMoves({
  noun: 'TimeRequest',
  returns: TimeRequest,
  idField: 'timeRequestId',
  nodeField: 'timeRequest',
  what: 'time request',
  short: 'request',
  plural: 'time requests',
  reasonField: 'comment',
  approves: 'Approves a pending time request (its time is added as a time entry).',
  rejects: 'Rejects a pending time request with a comment.',
  inputs: {
    approve: ApproveTimeRequestInput,
    reject: RejectTimeRequestInput,
    batch: ApproveTimeRequestsInput,
  },
  payload: ApproveTimeRequestsPayload,
  approve: approveTimeRequest,
  reject: rejectTimeRequest,
});
