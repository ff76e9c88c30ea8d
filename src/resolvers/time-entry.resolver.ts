import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { MemberRecord } from '../catalogue/members.operations.js';
import {
  createTimeEntry,
  type DeletedTimeEntryRecord,
  deleteTimeEntry,
  timeEntriesOfDay,
  type TimeEntryRecord,
  updateTimeEntry,
} from '../catalogue/time-entries.operations.js';
import { badUserInput } from '../errors/gateway-error.js';
import { globalId } from '../schema/global-id.js';
import {
  CreateTimeEntryInput,
  DeleteTimeEntryInput,
  MAX_TIME_ENTRY_NOTES,
  UpdateTimeEntryInput,
} from '../schema/inputs/time-entries.inputs.js';
import { DateScalar } from '../schema/scalars/date.scalar.js';
import { Member } from '../schema/types/member.type.js';
import { DeletedTimeEntry, TimeEntry } from '../schema/types/time-entry.type.js';
import type { RequestContext } from '../server/context.js';
import { clock, opaqueId } from './money-validate.js';
import { DeletedNodeResolver } from './node.resolver.js';
import { stateMove } from './state-move.js';
import { maxLength, positiveId } from './validate.js';

@Resolver(() => TimeEntry)
export class TimeEntryResolver {
  @FieldResolver(() => ID, { nullable: true })
  id(@Root() e: TimeEntryRecord): string | null {
    return e.timeEntryId == null ? null : globalId('TimeEntry', e.workspaceId, e.timeEntryId);
  }
}

export const DeletedTimeEntryResolver = DeletedNodeResolver(
  DeletedTimeEntry,
  'TimeEntry',
  (d: DeletedTimeEntryRecord) => [d.workspaceId, d.deletedId],
  { idField: 'timeEntryId' },
);

@Resolver(() => Member)
export class MemberTimeEntriesResolver {
  @FieldResolver(() => [TimeEntry], {
    nullable: true,
    description:
      "The member's time entries on one date (Owners and Executive Managers; FORBIDDEN for others). Read in upstream pages of 50, the endpoint's maximum.",
  })
  timeEntries(
    @Root() member: MemberRecord,
    @Arg('date', () => DateScalar, {
      description: 'The day to list (YYYY-MM-DD): WebWork lists one day at a time.',
    })
    date: string,
    @Ctx() ctx: RequestContext,
  ): Promise<TimeEntryRecord[]> {
    return timeEntriesOfDay(ctx.loaders.memo, {
      workspaceId: member.workspaceId,
      userId: member.userId,
      date,
    });
  }
}

function checkClocks(start: string | null | undefined, end: string | null | undefined): void {
  if (start != null) clock('input.startTime', start);
  if (end != null) clock('input.endTime', end);
  if (start != null && end != null && end <= start) {
    throw badUserInput('input.endTime', `input.endTime (${end}) must be after input.startTime (${start})`);
  }
}

const NOTE =
  'Owners and Executive Managers (FORBIDDEN for others). Null with an error when the write failed.';

export const CreateTimeEntryResolver = stateMove({
  input: CreateTimeEntryInput,
  returns: TimeEntry,
  description: `Adds time manually. Sent exactly once, never retried (a repeat would add the time twice; after UPSTREAM_TIMEOUT read the member's entries before trying again). WebWork's documented answer has no id and may save less than asked (overlaps): the entry is then looked up in the member's entries of that date by its start; if it is not found the answer is what is known, with null \`id\` and \`timeEntryId\`. ${NOTE}`,
  write: createTimeEntry,
  toArgs: (input) => {
    positiveId('input.workspaceId', input.workspaceId);
    positiveId('input.userId', input.userId);
    if (input.contractId != null) positiveId('input.contractId', input.contractId);
    if (input.taskId != null) positiveId('input.taskId', input.taskId);
    maxLength('input.notes', input.notes, MAX_TIME_ENTRY_NOTES);
    checkClocks(input.startTime, input.endTime);
    return { ...input };
  },
});

export const UpdateTimeEntryResolver = stateMove({
  input: UpdateTimeEntryInput,
  returns: TimeEntry,
  description: `Changes a time entry; fields left out are kept. WebWork answers no entry: with \`userId\` and \`date\` the entry is read back, otherwise the answer is its id and what the input said. ${NOTE}`,
  write: updateTimeEntry,
  toArgs: (input) => {
    positiveId('input.workspaceId', input.workspaceId);
    opaqueId('input.timeEntryId', input.timeEntryId);
    if (input.userId != null) positiveId('input.userId', input.userId);
    if (input.projectId != null) positiveId('input.projectId', input.projectId);
    if (input.taskId != null) positiveId('input.taskId', input.taskId);
    maxLength('input.notes', input.notes, MAX_TIME_ENTRY_NOTES);
    checkClocks(input.startTime, input.endTime);
    return { ...input };
  },
});

export const DeleteTimeEntryResolver = stateMove({
  input: DeleteTimeEntryInput,
  returns: DeletedTimeEntry,
  description: `Deletes a time entry permanently. ${NOTE}`,
  write: deleteTimeEntry,
  toArgs: (input) => {
    positiveId('input.workspaceId', input.workspaceId);
    opaqueId('input.timeEntryId', input.timeEntryId);
    if (input.userId != null) positiveId('input.userId', input.userId);
    return { ...input };
  },
});
