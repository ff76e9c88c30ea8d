import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MemberRecord } from '../catalogue/members.operations.js';
import type { ProjectRecord } from '../catalogue/projects.operations.js';
import {
  approveTimesheet,
  rejectTimesheet,
  submitTimesheet,
  type TimesheetEntryRecord,
  type TimesheetMoveArgs,
  type TimesheetRecord,
  timesheetsList,
  unsubmitTimesheet,
} from '../catalogue/timesheets.operations.js';
import { badUserInput } from '../errors/gateway-error.js';
import {
  ApproveTimesheetInput,
  ApproveTimesheetsInput,
  MAX_BATCH_TIMESHEETS,
  MAX_REJECT_REASON,
  RejectTimesheetInput,
  RejectTimesheetsInput,
  SubmitTimesheetInput,
  TimesheetsArgs,
  UnsubmitTimesheetInput,
  WorkspaceTimesheetsArgs,
} from '../schema/inputs/timesheets.args.js';
import { Member } from '../schema/types/member.type.js';
import { Project } from '../schema/types/project.type.js';
import { Timesheet, TimesheetConnection, TimesheetEntry } from '../schema/types/timesheet.type.js';
import type { RequestContext } from '../server/context.js';
import { batchMove, batchResultOf } from './batch-move.js';
import { dateRange } from './approval-checks.js';
import { workspaceAndMemberConnections } from './connection-field.js';
import { related } from './lookup-field.js';
import { WorkspaceNodeResolver } from './node.resolver.js';
import { stateMove } from './state-move.js';
import { maxLength, positiveId } from './validate.js';

@Resolver(() => Timesheet)
export class TimesheetResolver extends WorkspaceNodeResolver(
  Timesheet,
  (t: TimesheetRecord) => t.timesheetId,
) {
  @FieldResolver(() => Member, {
    nullable: true,
    description: 'The member whose timesheet this is; null if the caller cannot see them.',
  })
  member(@Root() sheet: TimesheetRecord, @Ctx() ctx: RequestContext): Promise<MemberRecord | null> | null {
    return related(ctx.loaders.member, sheet.workspaceId, sheet.userId);
  }

  @FieldResolver(() => Boolean, {
    description:
      'False only on the answer of a timesheet move when WebWork applied it but the timesheet could not be read back: the move happened (do not repeat it); only timesheetId, status and rejectReason are then known.',
  })
  complete(@Root() sheet: TimesheetRecord): boolean {
    return sheet.readBackFailed !== true;
  }
}

@Resolver(() => TimesheetEntry)
export class TimesheetEntryResolver {
  @FieldResolver(() => Project, {
    nullable: true,
    description: 'The project the time is on; null without one or if the caller cannot see it.',
  })
  project(
    @Root() entry: TimesheetEntryRecord,
    @Ctx() ctx: RequestContext,
  ): Promise<ProjectRecord | null> | null {
    return related(ctx.loaders.project, entry.workspaceId, entry.projectId);
  }
}

/** `from` after `to` is an empty range, more likely a mistake: said before any upstream call. */
const listArgs = (workspaceId: number, args: WorkspaceTimesheetsArgs, userId?: number) => {
  dateRange('from', args.from, 'to', args.to);
  if (args.userId != null) positiveId('userId', args.userId);
  return { workspaceId, userId: userId ?? args.userId, status: args.status, from: args.from, to: args.to };
};

export const [WorkspaceTimesheetsResolver, MemberTimesheetsResolver] = workspaceAndMemberConnections({
  field: 'timesheets',
  connection: TimesheetConnection,
  list: timesheetsList,
  workspace: {
    args: WorkspaceTimesheetsArgs,
    description:
      'Timesheets of this workspace (pay periods, with their daily breakdown). Owners and Executive Managers see every member’s; other roles only their own.',
  },
  member: {
    args: TimesheetsArgs,
    description:
      'This member’s timesheets. Owners and Executive Managers see anyone’s; other roles only their own (empty for others).',
  },
  toArgs: listArgs,
});

const TIMESHEET_ID = /^[\w-]{1,100}$/;

function timesheetId(argument: string, value: string): string {
  if (!TIMESHEET_ID.test(value)) {
    throw badUserInput(
      argument,
      `${argument} must be a timesheet id (1..100 letters, digits, _ or -), got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function reason(value: string): string {
  if (value.trim() === '') throw badUserInput('input.reason', 'input.reason must not be empty');
  maxLength('input.reason', value, MAX_REJECT_REASON);
  return value;
}

const moveArgs = (input: {
  workspaceId: number;
  timesheetId: string;
  reason?: string;
}): TimesheetMoveArgs => ({
  workspaceId: positiveId('input.workspaceId', input.workspaceId),
  timesheetId: timesheetId('input.timesheetId', input.timesheetId),
  ...(input.reason === undefined ? {} : { reason: reason(input.reason) }),
});

const MOVE_ANSWER =
  'Sent to WebWork exactly once (never retried). Returns the timesheet read back after the move; if that read fails, the move still happened and the answer says so, with `complete: false`. Null with an error when the move itself failed: UPSTREAM_REJECTED when WebWork refuses it for the timesheet’s status (e.g. approving an approved one), FORBIDDEN for a role WebWork refuses, NOT_FOUND for an unknown id.';

export const SubmitTimesheetResolver = stateMove({
  input: SubmitTimesheetInput,
  returns: Timesheet,
  description: `Submits a PENDING or REJECTED timesheet for approval. Who: the timesheet’s member, or Owners and Executive Managers for anyone. ${MOVE_ANSWER}`,
  write: submitTimesheet,
  toArgs: moveArgs,
});

export const UnsubmitTimesheetResolver = stateMove({
  input: UnsubmitTimesheetInput,
  returns: Timesheet,
  description: `Returns a SUBMITTED timesheet to PENDING so it can be changed. Who: the timesheet’s member, or Owners and Executive Managers for anyone. ${MOVE_ANSWER}`,
  write: unsubmitTimesheet,
  toArgs: moveArgs,
});

export const ApproveTimesheetResolver = stateMove({
  input: ApproveTimesheetInput,
  returns: Timesheet,
  description: `Approves a SUBMITTED timesheet (final). Who: Owners and Executive Managers only. ${MOVE_ANSWER}`,
  write: approveTimesheet,
  toArgs: moveArgs,
});

export const RejectTimesheetResolver = stateMove({
  input: RejectTimesheetInput,
  returns: Timesheet,
  description: `Rejects a SUBMITTED timesheet with a reason the member sees; they may submit it again. Who: Owners and Executive Managers only. ${MOVE_ANSWER}`,
  write: rejectTimesheet,
  toArgs: moveArgs,
});

/** The items of a batch: every id checked, none twice (each is sent exactly once), before any call. */
function batchItems(input: { workspaceId: number; timesheetIds: string[]; reason?: string }) {
  const workspaceId = positiveId('input.workspaceId', input.workspaceId);
  const { timesheetIds: ids } = input;
  if (ids.length === 0 || ids.length > MAX_BATCH_TIMESHEETS) {
    throw badUserInput(
      'input.timesheetIds',
      `input.timesheetIds must hold 1..${MAX_BATCH_TIMESHEETS} ids, got ${ids.length}`,
    );
  }
  ids.forEach((id, i) => timesheetId(`input.timesheetIds[${i}]`, id));
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) {
    throw badUserInput(
      'input.timesheetIds',
      `input.timesheetIds names ${JSON.stringify(twice)} more than once`,
    );
  }
  const why = input.reason === undefined ? {} : { reason: reason(input.reason) };
  return ids.map((id) => ({ id, args: { workspaceId, timesheetId: id, ...why } }));
}

const TimesheetMoveResult = batchResultOf(Timesheet, 'timesheetId', 'timesheet');

const BATCH_ANSWER =
  'Each timesheet is sent to WebWork exactly once (never retried) and reported on its own, in input order: the timesheet read back, or its error (the code the single mutation would have had). Some items may succeed while others fail. The input is checked as a whole first (BAD_USER_INPUT, nothing sent).';

export const ApproveTimesheetsResolver = batchMove({
  name: 'approveTimesheets',
  input: ApproveTimesheetsInput,
  result: TimesheetMoveResult,
  description: `Approves several SUBMITTED timesheets. Who: Owners and Executive Managers only. ${BATCH_ANSWER}`,
  write: approveTimesheet,
  toItems: batchItems,
});

export const RejectTimesheetsResolver = batchMove({
  name: 'rejectTimesheets',
  input: RejectTimesheetsInput,
  result: TimesheetMoveResult,
  description: `Rejects several SUBMITTED timesheets with one reason. Who: Owners and Executive Managers only. ${BATCH_ANSWER}`,
  write: rejectTimesheet,
  toItems: batchItems,
});
