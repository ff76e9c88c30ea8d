import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { TimesheetStatus } from '../enums/timesheet.enums.js';
import { DateScalar } from '../scalars/date.scalar.js';
import { PageArgs } from './page.args.js';

export const MAX_REJECT_REASON = 1000;
export const MAX_BATCH_TIMESHEETS = 50;

@ArgsType()
export class TimesheetsArgs extends PageArgs {
  @Field(() => TimesheetStatus, { nullable: true, description: 'Only timesheets in this state.' })
  status?: TimesheetStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'Periods ending on or after this day.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Periods starting on or before this day.' })
  to?: string | null;
}

@ArgsType()
export class WorkspaceTimesheetsArgs extends TimesheetsArgs {
  @Field(() => Int, { nullable: true, description: "Only this member's timesheets." })
  userId?: number | null;
}

/** The fields every single-timesheet move takes. */
@InputType()
export class TimesheetMoveInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => ID, { description: 'The timesheet (`Timesheet.timesheetId`).' })
  timesheetId!: string;
}

@InputType({
  description: 'The timesheet to submit (its member, or Owners and Executive Managers for anyone).',
})
export class SubmitTimesheetInput extends TimesheetMoveInput {}

@InputType({
  description: 'The timesheet to take back (its member, or Owners and Executive Managers for anyone).',
})
export class UnsubmitTimesheetInput extends TimesheetMoveInput {}

@InputType({ description: 'The timesheet to approve (Owners and Executive Managers).' })
export class ApproveTimesheetInput extends TimesheetMoveInput {}

@InputType({ description: 'The timesheet to reject, and why (Owners and Executive Managers).' })
export class RejectTimesheetInput extends TimesheetMoveInput {
  @Field({ description: `Shown to the member; 1..${MAX_REJECT_REASON} characters.` })
  reason!: string;
}

@InputType({ description: 'The timesheets to approve, each on its own (Owners and Executive Managers).' })
export class ApproveTimesheetsInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => [ID], { description: `1..${MAX_BATCH_TIMESHEETS} distinct timesheet ids.` })
  timesheetIds!: string[];
}

@InputType({
  description: 'The timesheets to reject, each on its own, with one reason (Owners and Executive Managers).',
})
export class RejectTimesheetsInput extends ApproveTimesheetsInput {
  @Field({ description: `Shown to each member; 1..${MAX_REJECT_REASON} characters.` })
  reason!: string;
}
