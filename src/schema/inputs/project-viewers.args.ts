import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from './page.args.js';

@ArgsType()
export class ProjectViewersArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Search by part of the email (case-insensitive).' })
  email?: string | null;
}
