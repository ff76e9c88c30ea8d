import { ArgsType, Field, Int } from 'type-graphql';
import { ContractStatus } from '../enums/contract.enums.js';
import { PageArgs } from './page.args.js';

@ArgsType()
export class ContractsArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: "Only this member's contracts (`Member.userId`)." })
  userId?: number | null;

  @Field(() => Int, { nullable: true, description: "Only this project's contracts (`Project.projectId`)." })
  projectId?: number | null;

  @Field(() => ContractStatus, { nullable: true, description: 'Only contracts in this state.' })
  status?: ContractStatus | null;
}
