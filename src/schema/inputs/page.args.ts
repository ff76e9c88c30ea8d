import { ArgsType, Field, Int } from 'type-graphql';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Pagination arguments shared by every connection field (Relay cursor connections): `first` with
 * `after` pages forward, `last` with `before` backward; `first` and `last` together are refused.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Items to return, 0..${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item already seen (`pageInfo.endCursor`).',
  })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Items to return from the end of the list (or just before \`before\`), 0..${MAX_PAGE_SIZE}; not with \`first\`.`,
  })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first item already seen (`pageInfo.startCursor`): return items before it.',
  })
  before?: string | null;
}
