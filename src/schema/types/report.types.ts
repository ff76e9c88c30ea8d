import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';
import { JSONScalar } from '../scalars/json.scalar.js';

const PAYLOAD =
  "WebWork's report `data` as sent. Its field names are not documented (REFERENCE/GAPS mark them inferred), so the gateway does not type them.";

@ObjectType({
  description:
    'The reports of a workspace. Only Owners and Executive Managers may read them: other roles get FORBIDDEN.',
})
export class Reports {
  @Field(() => Int, { description: 'The workspace the reports are about.' })
  workspaceId!: number;
}

@ObjectType({ description: 'Tracked minutes per day and user (GET /reports/tracked-hours).' })
export class TrackedHoursReport {
  @Field(() => String, { nullable: true, description: 'Upstream `report_type` ("tracked_hours").' })
  reportType!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the report, as WebWork answered.' })
  startDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the report, as WebWork answered.' })
  endDate!: string | null;

  @Field(() => JSONScalar, { nullable: true, description: PAYLOAD })
  payload!: unknown;
}

@ObjectType({ description: 'Time per task per user (GET /reports/task-report).' })
export class TaskReport {
  @Field(() => JSONScalar, {
    nullable: true,
    description: 'Upstream `tasks_breakdown` (per user, totals per task), as sent.',
  })
  tasksBreakdown!: unknown;

  @Field(() => JSONScalar, {
    nullable: true,
    description: 'Upstream `daily_breakdown` (per user, time per task per day), as sent.',
  })
  dailyBreakdown!: unknown;

  @Field(() => JSONScalar, { nullable: true, description: PAYLOAD })
  payload!: unknown;
}

@ObjectType({
  description:
    'A report whose fields WebWork does not document (daily timeline, daily attendance, activity level, activity descriptions).',
})
export class Report {
  @Field(() => JSONScalar, { nullable: true, description: PAYLOAD })
  payload!: unknown;
}
