import { Field, InputType, Int } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';

export const MAX_TIME_ENTRY_NOTES = 1000;

@InputType({ description: 'Manually added time for a member (Owners and Executive Managers).' })
export class CreateTimeEntryInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => Int, { description: 'Whose time it is (`Member.userId`).' })
  userId!: number;

  @Field(() => Int, {
    nullable: true,
    description: "The member's contract to put the time on; left out: time without a project.",
  })
  contractId?: number | null;

  @Field(() => Int, { nullable: true, description: "A task of the contract's project; left out: none." })
  taskId?: number | null;

  @Field(() => String, { nullable: true, description: `At most ${MAX_TIME_ENTRY_NOTES} characters.` })
  notes?: string | null;

  @Field(() => DateScalar, {
    description: 'The day of the entry; startTime and endTime are clock times on it.',
  })
  date!: string;

  @Field({ description: 'HH:mm (24 h).' })
  startTime!: string;

  @Field({ description: 'HH:mm (24 h), after startTime.' })
  endTime!: string;
}

@InputType({ description: 'Changes to a time entry; fields left out are kept.' })
export class UpdateTimeEntryInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field({ description: 'The entry to change (`TimeEntry.timeEntryId`).' })
  timeEntryId!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "The entry's member. With `date`, the entry is read back after the update; WebWork's answer carries no entry.",
  })
  userId?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Move the time to this project (`Project.projectId`); left out: kept.',
  })
  projectId?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Move the time to this task (`Task.taskId`); left out: kept.',
  })
  taskId?: number | null;

  @Field(() => String, { nullable: true, description: 'What the time was for; left out: kept.' })
  notes?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day of the entry; left out: kept.' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'HH:mm (24 h).' })
  startTime?: string | null;

  @Field(() => String, { nullable: true, description: 'HH:mm (24 h).' })
  endTime?: string | null;
}

@InputType({ description: 'The time entry to delete (Owners and Executive Managers).' })
export class DeleteTimeEntryInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field({ description: 'The entry to delete (`TimeEntry.timeEntryId`).' })
  timeEntryId!: string;

  @Field(() => Int, {
    nullable: true,
    description: "The entry's member, when known (refreshes their tracker).",
  })
  userId?: number | null;
}
