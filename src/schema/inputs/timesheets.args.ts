import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { TimesheetStatus } from '../enums/timesheet.enums.js';
import { DateScalar } from '../scalars/date.scalar.js';
import { PageArgs } from './page.args.js';

export const MAX_REJECT_REASON = 1000;
export const MAX_BATCH_TIMESHEETS = 50;

@ArgsType()
export class TimesheetsArgs extends PageArgs {
  @Field(() => TimesheetStatus, { nullable: true })
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
  @Field(() => Int)
  workspaceId!: number;

  @Field(() => ID)
  timesheetId!: string;
}

@InputType()
export class SubmitTimesheetInput extends TimesheetMoveInput {}

@InputType()
export class UnsubmitTimesheetInput extends TimesheetMoveInput {}

@InputType()
export class ApproveTimesheetInput extends TimesheetMoveInput {}

@InputType()
export class RejectTimesheetInput extends TimesheetMoveInput {
  @Field({ description: `Shown to the member; 1..${MAX_REJECT_REASON} characters.` })
  reason!: string;
}

@InputType()
export class ApproveTimesheetsInput {
  @Field(() => Int)
  workspaceId!: number;

  @Field(() => [ID], { description: `1..${MAX_BATCH_TIMESHEETS} distinct timesheet ids.` })
  timesheetIds!: string[];
}

@InputType()
export class RejectTimesheetsInput extends ApproveTimesheetsInput {
  @Field({ description: `Shown to each member; 1..${MAX_REJECT_REASON} characters.` })
  reason!: string;
}
