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

  @Field(() => Int, { nullable: true, description: 'Whose time it is (`Member.userId`).' })
  userId!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The contract the time was tracked on; null without one.',
  })
  contractId!: number | null;

  @Field(() => Int, { nullable: true, description: 'The project; null for time without a project.' })
  projectId!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Project name as WebWork sends it; null without a project.',
  })
  projectName!: string | null;

  @Field(() => Int, { nullable: true, description: 'The task; null for time without a task.' })
  taskId!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Task title as WebWork sends it; null without a task.',
  })
  taskTitle!: string | null;

  @Field(() => String, { nullable: true, description: 'What was worked on; null when not given.' })
  activityDescription!: string | null;

  @Field(() => String, { nullable: true, description: 'Tracking method label, e.g. "Manually added time".' })
  method!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day of the entry.' })
  date!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the entry starts (UTC).' })
  startedAt!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the entry ends (UTC); null when WebWork sends no end time.',
  })
  endedAt!: string | null;

  @Field(() => Int, { nullable: true, description: 'Length in minutes.' })
  durationMinutes!: number | null;
}

@ObjectType({ description: 'What deleteTimeEntry removed.' })
export class DeletedTimeEntry {
  @Field(() => ID, { description: 'The global id the entry had (`TimeEntry.id`).' })
  id!: string;

  @Field({ description: 'Upstream id of the deleted entry.' })
  timeEntryId!: string;
}
