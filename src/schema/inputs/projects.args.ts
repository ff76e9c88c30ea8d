import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from './page.args.js';

@ArgsType()
export class ProjectsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Search by project name.' })
  name?: string | null;
}
