import { ArgsType, Field, Int } from 'type-graphql';
import { ContractStatus } from '../enums/contract.enums.js';
import { PageArgs } from './page.args.js';

@ArgsType()
export class ContractsArgs extends PageArgs {
  @Field(() => Int, { nullable: true })
  userId?: number | null;

  @Field(() => Int, { nullable: true })
  projectId?: number | null;

  @Field(() => ContractStatus, { nullable: true })
  status?: ContractStatus | null;
}
