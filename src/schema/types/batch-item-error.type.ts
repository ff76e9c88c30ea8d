import { Field, ObjectType } from 'type-graphql';

/** Shared by every batch mutation (approveTimesheets, approveTimeRequests, approveLeaves, ...). */
@ObjectType({ description: 'Why one item of a batch mutation failed (the others are not affected).' })
export class BatchItemError {
  @Field({
    description:
      'The error code this item would have had as a single mutation, as in `extensions.code` (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, ...).',
  })
  code!: string;

  @Field({ description: 'What went wrong with this item, in words a person can act on.' })
  message!: string;
}
