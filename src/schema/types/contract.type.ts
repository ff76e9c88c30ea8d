import { Node } from './node.interface.js';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { ContractStatus, RateSource } from '../enums/contract.enums.js';

@ObjectType({
  description: 'A member assigned to a project, with the terms of that assignment.',
  implements: Node,
})
export class Contract {
  @Field(() => Int, { description: 'Upstream contract id.' })
  contractId!: number;

  @Field(() => Int)
  workspaceId!: number;

  @Field(() => Int)
  projectId!: number;

  @Field(() => Int)
  userId!: number;

  @Field(() => ContractStatus)
  status!: ContractStatus;

  @Field(() => String, { nullable: true, description: 'Role label on the contract (WebWork adds "Client").' })
  roleLabel!: string | null;

  @Field(() => Int, { nullable: true })
  weeklyHoursLimit!: number | null;

  @Field(() => String, { nullable: true, description: 'Screenshot mode code, e.g. full, blurred.' })
  screenshotMode!: string | null;

  @Field(() => String, { nullable: true })
  screenshotLabel!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Hourly rate; null unless the caller may view rates and the project is billable.',
  })
  rate!: number | null;

  @Field(() => RateSource, { nullable: true })
  rateSource!: RateSource | null;

  @Field(() => String, { nullable: true })
  currency!: string | null;

  @Field(() => Boolean, { nullable: true })
  isBillable!: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: string | null;
}
