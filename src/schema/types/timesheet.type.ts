import { WorkspaceObject } from './workspace-object.js';
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

  @Field(() => String, {
    nullable: true,
    description: 'Project name as WebWork sends it; null without a project.',
  })
  projectName!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The contract the time was on; null when WebWork does not say.',
  })
  contractId!: number | null;

  @Field(() => Int, { description: 'Minutes on this contract that day.' })
  totalMinutes!: number;

  @Field(() => Float, { nullable: true, description: 'Null unless the caller may view rates.' })
  totalAmount!: number | null;
}

@ObjectType({ description: 'One day of a timesheet with time on it.' })
export class TimesheetDay {
  @Field(() => DateScalar, { description: 'The day.' })
  date!: string;

  @Field(() => Int, { description: 'Minutes tracked that day, all contracts together.' })
  totalMinutes!: number;

  @Field(() => [TimesheetEntry], { description: 'Time per contract that day.' })
  entries!: TimesheetEntry[];
}

@ObjectType({
  description: "A member's time over one pay period, and where it is in its review.",
  implements: Node,
})
export class Timesheet extends WorkspaceObject {
  @Field(() => ID, { description: 'Upstream timesheet id (an opaque string).' })
  timesheetId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Whose timesheet it is (`Member.userId`); null when WebWork does not say.',
  })
  userId!: number | null;

  @Field(() => String, { nullable: true, description: "The member's name as WebWork lists it." })
  memberName!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the period.' })
  dateFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the period (inclusive).' })
  dateTo!: string | null;

  @Field(() => TimesheetStatus, { description: 'Where the timesheet is in its review.' })
  status!: TimesheetStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'Minutes tracked over the period; null when WebWork does not say.',
  })
  totalMinutes!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Amount earned (billable time × contract rate, in the contract's currency); null unless the caller may view rates.",
  })
  totalAmount!: number | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was submitted (UTC); null until then.',
  })
  submittedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected, when it was.' })
  rejectReason!: string | null;

  @Field(() => [TimesheetDay], { description: 'Days with time, in date order (the daily breakdown).' })
  days!: TimesheetDay[];
}

export const TimesheetConnection = connectionOf(Timesheet, 'Timesheet');
