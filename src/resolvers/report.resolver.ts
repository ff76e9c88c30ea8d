import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  activityDescriptionsReport,
  activityLevelReport,
  dailyAttendanceReport,
  dailyTimelineReport,
  type ReportRecord,
  taskReport,
  type TaskReportRecord,
  trackedHoursReport,
  type TrackedHoursRecord,
} from '../catalogue/reports.operations.js';
import type { WorkspaceRecord } from '../catalogue/workspaces.operations.js';
import { badUserInput } from '../errors/gateway-error.js';
import {
  ActivityDescriptionsArgs,
  ActivityLevelArgs,
  DailyAttendanceArgs,
  DailyTimelineArgs,
  MAX_REPORT_DAYS,
  TaskReportArgs,
  TrackedHoursArgs,
  type UserPageArgs,
} from '../schema/inputs/reports.args.js';
import { Report, Reports, TaskReport, TrackedHoursReport } from '../schema/types/report.types.js';
import { Workspace } from '../schema/types/workspace.type.js';
import type { RequestContext } from '../server/context.js';
import { dateRange, intRange, requireAdmin } from './money-validate.js';
import { positiveId } from './validate.js';

const ROLES = 'Owners and Executive Managers only: other roles get FORBIDDEN.';

@Resolver(() => Workspace)
export class WorkspaceReportsResolver {
  @FieldResolver(() => Reports, {
    nullable: true,
    description: `The workspace's reports. ${ROLES} Each report is one upstream call.`,
  })
  reports(@Root() ws: WorkspaceRecord): { workspaceId: number } {
    requireAdmin(ws, 'reports');
    return { workspaceId: ws.workspaceId };
  }
}

const ids = (argument: string, values: number[] | null | undefined) =>
  values?.forEach((v, i) => positiveId(`${argument}[${i}]`, v));

const userPage = (args: UserPageArgs) => {
  intRange('page', args.page, 1, 100_000);
  intRange('perPage', args.perPage, 1, 100);
};

const requiredRange = (a: { startDate: string; endDate: string }) =>
  dateRange('startDate', a.startDate, 'endDate', a.endDate, MAX_REPORT_DAYS);

const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

@Resolver(() => Reports)
export class ReportsResolver {
  @FieldResolver(() => TrackedHoursReport, {
    nullable: true,
    description: `Tracked minutes per day and user (GET /reports/tracked-hours); default range: the current week; with \`userId\` at most ${MAX_REPORT_DAYS} days. ${ROLES}`,
  })
  trackedHours(
    @Root() r: { workspaceId: number },
    @Args(() => TrackedHoursArgs) args: TrackedHoursArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<TrackedHoursRecord> {
    if (args.userId != null) positiveId('userId', args.userId);
    ids('users', args.users);
    ids('projects', args.projects);
    dateRange(
      'startDate',
      args.startDate,
      'endDate',
      args.endDate,
      args.userId != null ? MAX_REPORT_DAYS : undefined,
    );
    return ctx.loaders.memo.read(trackedHoursReport, { ...args, workspaceId: r.workspaceId });
  }

  @FieldResolver(() => Report, {
    nullable: true,
    description: `Every time entry of one date per user (GET /reports/daily-timeline); times carry the workspace owner's offset. Paged by users. ${ROLES}`,
  })
  dailyTimeline(
    @Root() r: { workspaceId: number },
    @Args(() => DailyTimelineArgs) args: DailyTimelineArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ReportRecord> {
    const today = dayNumber(new Date().toISOString().slice(0, 10));
    if (Math.abs(dayNumber(args.date) - today) > 365) {
      throw badUserInput(
        'date',
        `date must be within the last year and at most one year ahead, got ${args.date}`,
      );
    }
    ids('userIds', args.userIds);
    userPage(args);
    return ctx.loaders.memo.read(dailyTimelineReport, { ...args, workspaceId: r.workspaceId });
  }

  @FieldResolver(() => Report, {
    nullable: true,
    description: `Attendance per user for one date (GET /reports/daily-attendance). Paged by users. ${ROLES}`,
  })
  dailyAttendance(
    @Root() r: { workspaceId: number },
    @Args(() => DailyAttendanceArgs) args: DailyAttendanceArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ReportRecord> {
    ids('users', args.users);
    userPage(args);
    return ctx.loaders.memo.read(dailyAttendanceReport, { ...args, workspaceId: r.workspaceId });
  }

  @FieldResolver(() => Report, {
    nullable: true,
    description: `Activity level per user per day (GET /reports/activity-level), at most ${MAX_REPORT_DAYS} days. Paged by users. ${ROLES}`,
  })
  activityLevel(
    @Root() r: { workspaceId: number },
    @Args(() => ActivityLevelArgs) args: ActivityLevelArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ReportRecord> {
    requiredRange(args);
    if (args.contractId != null) positiveId('contractId', args.contractId);
    ids('userIds', args.userIds);
    userPage(args);
    return ctx.loaders.memo.read(activityLevelReport, { ...args, workspaceId: r.workspaceId });
  }

  @FieldResolver(() => TaskReport, {
    nullable: true,
    description: `Time per task per user (GET /reports/task-report), at most ${MAX_REPORT_DAYS} days. Paged by users. ${ROLES}`,
  })
  taskReport(
    @Root() r: { workspaceId: number },
    @Args(() => TaskReportArgs) args: TaskReportArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<TaskReportRecord> {
    requiredRange(args);
    ids('users', args.users);
    ids('projectIds', args.projectIds);
    ids('taskIds', args.taskIds);
    userPage(args);
    return ctx.loaders.memo.read(taskReport, { ...args, workspaceId: r.workspaceId });
  }

  @FieldResolver(() => Report, {
    nullable: true,
    description: `Activity descriptions (GET /reports/activity-descriptions: an inferred operation, path and answer undocumented), at most ${MAX_REPORT_DAYS} days. ${ROLES}`,
  })
  activityDescriptions(
    @Root() r: { workspaceId: number },
    @Args(() => ActivityDescriptionsArgs) args: ActivityDescriptionsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ReportRecord> {
    requiredRange(args);
    intRange('page', args.page, 1, 100_000);
    return ctx.loaders.memo.read(activityDescriptionsReport, { ...args, workspaceId: r.workspaceId });
  }
}
