import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

@ObjectType({ description: "A member's live tracker: what is running now, and today's tracked time." })
export class TrackerState {
  @Field(() => Int)
  workspaceId!: number;

  @Field(() => Int)
  userId!: number;

  @Field()
  isRunning!: boolean;

  @Field(() => String, { nullable: true })
  activityDescription!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      "When the running tracker started, as WebWork's start answer tells it (on startTracking). Null when idle, and on reads: WebWork's current-data documents no start time.",
  })
  startedAt!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Time tracked today, including the running tracker, in seconds. Null when `complete` is false.',
  })
  todaySeconds!: number | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day `todaySeconds` is for (workspace time zone).',
  })
  date!: string | null;
}
