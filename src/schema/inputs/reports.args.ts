import { ArgsType, Field, Int } from 'type-graphql';
import { AttendanceStatus, attendanceStatus } from '../../catalogue/reports.enums.js';
import { DateScalar } from '../scalars/date.scalar.js';
import { registerEnum } from '../enums/register-enum.js';

export const MAX_REPORT_DAYS = 31;

/** Reports paged by users: 30 a page by default, at most 100 (REFERENCE §10.13). */
@ArgsType()
export class UserPageArgs {
  @Field(() => Int, { nullable: true, description: 'Page of users, from 1 (default 1).' })
  page?: number | null;

  @Field(() => Int, { nullable: true, description: 'Users per page, 1..100 (default 30).' })
  perPage?: number | null;
}

@ArgsType()
export class TrackedHoursArgs {
  @Field(() => DateScalar, { nullable: true, description: 'Default: start of the current week.' })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Default: end of the current week.' })
  endDate?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `One member; the range is then at most ${MAX_REPORT_DAYS} days.`,
  })
  userId?: number | null;

  @Field(() => [Int], { nullable: true, description: 'Only these members (`Member.userId`).' })
  users?: number[] | null;

  @Field(() => [Int], { nullable: true, description: 'Only these projects (`Project.projectId`).' })
  projects?: number[] | null;
}

@ArgsType()
export class DailyTimelineArgs extends UserPageArgs {
  @Field(() => DateScalar, { description: 'Within the last year and at most one year ahead.' })
  date!: string;

  @Field(() => [Int], { nullable: true, description: 'Only these members (`Member.userId`).' })
  userIds?: number[] | null;
}

registerEnum(
  attendanceStatus,
  'AttendanceStatus',
  'An attendance status to filter the daily attendance report by (upstream `status`).',
);

@ArgsType()
export class DailyAttendanceArgs extends UserPageArgs {
  @Field(() => DateScalar, { description: 'The day of the report.' })
  date!: string;

  @Field(() => [Int], { nullable: true, description: 'Only these members (`Member.userId`).' })
  users?: number[] | null;

  @Field(() => [AttendanceStatus], {
    nullable: true,
    description: 'Only members with one of these attendance statuses.',
  })
  statuses?: AttendanceStatus[] | null;
}

@ArgsType()
export class ActivityLevelArgs extends UserPageArgs {
  @Field(() => DateScalar, { description: 'First day of the report.' })
  startDate!: string;

  @Field(() => DateScalar, { description: `At most ${MAX_REPORT_DAYS} days after startDate, inclusive.` })
  endDate!: string;

  @Field(() => Int, { nullable: true, description: 'Only this contract (`Contract.contractId`).' })
  contractId?: number | null;

  @Field(() => [Int], { nullable: true, description: 'Only these members (`Member.userId`).' })
  userIds?: number[] | null;
}

@ArgsType()
export class TaskReportArgs extends UserPageArgs {
  @Field(() => DateScalar, { description: 'First day of the report.' })
  startDate!: string;

  @Field(() => DateScalar, { description: `At most ${MAX_REPORT_DAYS} days after startDate, inclusive.` })
  endDate!: string;

  @Field(() => [Int], { nullable: true, description: 'Only these members (`Member.userId`).' })
  users?: number[] | null;

  @Field(() => [Int], { nullable: true, description: 'Only these projects (`Project.projectId`).' })
  projectIds?: number[] | null;

  @Field(() => [Int], { nullable: true, description: 'Only these tasks (`Task.taskId`).' })
  taskIds?: number[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Include time without a task (default true).' })
  includeNoTask?: boolean | null;
}

@ArgsType()
export class ActivityDescriptionsArgs {
  @Field(() => DateScalar, { description: 'First day of the report.' })
  startDate!: string;

  @Field(() => DateScalar, { description: `At most ${MAX_REPORT_DAYS} days after startDate, inclusive.` })
  endDate!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Page of the report, from 1 (default 1; the page size is undocumented).',
  })
  page?: number | null;
}
