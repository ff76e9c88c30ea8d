import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

@ObjectType({
  description:
    "A member's time entry. `id` and `timeEntryId` are null only on a createTimeEntry answer when WebWork returned no id (as documented) and the entry could not be found afterwards in the member's entries of that date.",
})
export class TimeEntry {
  @Field(() => ID, { nullable: true, description: 'Global id; null when the upstream id is unknown.' })
  id!: string | null;

  @Field(() => String, { nullable: true, description: 'Upstream id (encrypted UUID).' })
  timeEntryId!: string | null;

  @Field(() => Int, { nullable: true })
  userId!: number | null;

  @Field(() => Int, { nullable: true })
  contractId!: number | null;

  @Field(() => Int, { nullable: true })
  projectId!: number | null;

  @Field(() => String, { nullable: true })
  projectName!: string | null;

  @Field(() => Int, { nullable: true })
  taskId!: number | null;

  @Field(() => String, { nullable: true })
  taskTitle!: string | null;

  @Field(() => String, { nullable: true })
  activityDescription!: string | null;

  @Field(() => String, { nullable: true, description: 'Tracking method label, e.g. "Manually added time".' })
  method!: string | null;

  @Field(() => DateScalar, { nullable: true })
  date!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  startedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  endedAt!: string | null;

  @Field(() => Int, { nullable: true })
  durationMinutes!: number | null;
}

@ObjectType({ description: 'What deleteTimeEntry removed.' })
export class DeletedTimeEntry {
  @Field(() => ID, { description: 'The global id the entry had (`TimeEntry.id`).' })
  id!: string;

  @Field()
  timeEntryId!: string;
}
