import { Node } from './node.interface.js';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { TimesheetStatus } from '../enums/timesheet.enums.js';
import { DateScalar } from '../scalars/date.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { connectionOf } from './connection.js';

@ObjectType({ description: 'Time on one contract (member × project) on one day of a timesheet.' })
export class TimesheetEntry {
  @Field(() => Int, { nullable: true, description: 'Null for time tracked without a project.' })
  projectId!: number | null;

  @Field(() => String, { nullable: true })
  projectName!: string | null;

  @Field(() => Int, { nullable: true })
  contractId!: number | null;

  @Field(() => Int)
  totalMinutes!: number;

  @Field(() => Float, { nullable: true, description: 'Null unless the caller may view rates.' })
  totalAmount!: number | null;
}

@ObjectType({ description: 'One day of a timesheet with time on it.' })
export class TimesheetDay {
  @Field(() => DateScalar)
  date!: string;

  @Field(() => Int)
  totalMinutes!: number;

  @Field(() => [TimesheetEntry])
  entries!: TimesheetEntry[];
}

@ObjectType({
  description: "A member's time over one pay period, and where it is in its review.",
  implements: Node,
})
export class Timesheet {
  @Field(() => ID, { description: 'Upstream timesheet id (an opaque string).' })
  timesheetId!: string;

  @Field(() => Int)
  workspaceId!: number;

  @Field(() => Int, { nullable: true })
  userId!: number | null;

  @Field(() => String, { nullable: true, description: "The member's name as WebWork lists it." })
  memberName!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the period.' })
  dateFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the period (inclusive).' })
  dateTo!: string | null;

  @Field(() => TimesheetStatus)
  status!: TimesheetStatus;

  @Field(() => Int, { nullable: true })
  totalMinutes!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Amount earned (billable time × contract rate, in the contract's currency); null unless the caller may view rates.",
  })
  totalAmount!: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected, when it was.' })
  rejectReason!: string | null;

  @Field(() => [TimesheetDay], { description: 'Days with time, in date order (the daily breakdown).' })
  days!: TimesheetDay[];
}

export const TimesheetConnection = connectionOf(Timesheet, 'Timesheet');
