import { Field, InputType, Int } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';

export const MAX_TIME_ENTRY_NOTES = 1000;

@InputType({ description: 'Manually added time for a member (Owners and Executive Managers).' })
export class CreateTimeEntryInput {
  @Field(() => Int)
  workspaceId!: number;

  @Field(() => Int)
  userId!: number;

  @Field(() => Int, { nullable: true })
  contractId?: number | null;

  @Field(() => Int, { nullable: true })
  taskId?: number | null;

  @Field(() => String, { nullable: true, description: `At most ${MAX_TIME_ENTRY_NOTES} characters.` })
  notes?: string | null;

  @Field(() => DateScalar)
  date!: string;

  @Field({ description: 'HH:mm (24 h).' })
  startTime!: string;

  @Field({ description: 'HH:mm (24 h), after startTime.' })
  endTime!: string;
}

@InputType({ description: 'Changes to a time entry; fields left out are kept.' })
export class UpdateTimeEntryInput {
  @Field(() => Int)
  workspaceId!: number;

  @Field()
  timeEntryId!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "The entry's member. With `date`, the entry is read back after the update; WebWork's answer carries no entry.",
  })
  userId?: number | null;

  @Field(() => Int, { nullable: true })
  projectId?: number | null;

  @Field(() => Int, { nullable: true })
  taskId?: number | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => DateScalar, { nullable: true })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'HH:mm (24 h).' })
  startTime?: string | null;

  @Field(() => String, { nullable: true, description: 'HH:mm (24 h).' })
  endTime?: string | null;
}

@InputType()
export class DeleteTimeEntryInput {
  @Field(() => Int)
  workspaceId!: number;

  @Field()
  timeEntryId!: string;

  @Field(() => Int, {
    nullable: true,
    description: "The entry's member, when known (refreshes their tracker).",
  })
  userId?: number | null;
}
