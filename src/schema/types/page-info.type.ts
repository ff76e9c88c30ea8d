import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Relay page info of a connection.' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page: pass `endCursor` as `after` to get them.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when items come before this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first item of this page; null when the page is empty.',
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item of this page; null when the page is empty.',
  })
  endCursor!: string | null;
}
