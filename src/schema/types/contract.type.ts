import { StampedWorkspaceObject } from './workspace-object.js';
import { Node } from './node.interface.js';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ContractStatus, RateSource } from '../enums/contract.enums.js';

@ObjectType({
  description: 'A member assigned to a project, with the terms of that assignment.',
  implements: Node,
})
export class Contract extends StampedWorkspaceObject {
  @Field(() => Int, { description: 'Upstream contract id.' })
  contractId!: number;

  @Field(() => Int, { description: 'The project the member is assigned to (`Project.projectId`).' })
  projectId!: number;

  @Field(() => Int, { description: 'The assigned member (`Member.userId`).' })
  userId!: number;

  @Field(() => ContractStatus, { description: 'ACTIVE or PAUSED.' })
  status!: ContractStatus;

  @Field(() => String, { nullable: true, description: 'Role label on the contract (WebWork adds "Client").' })
  roleLabel!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Hours per week the member may track on this contract (0 to 168); null when not set.',
  })
  weeklyHoursLimit!: number | null;

  @Field(() => String, { nullable: true, description: 'Screenshot mode code, e.g. full, blurred.' })
  screenshotMode!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Human label of the screenshot mode, e.g. "Screenshot on".',
  })
  screenshotLabel!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Hourly rate; null unless the caller may view rates and the project is billable.',
  })
  rate!: number | null;

  @Field(() => RateSource, {
    nullable: true,
    description: 'Where `rate` comes from; null when WebWork does not say.',
  })
  rateSource!: RateSource | null;

  @Field(() => String, {
    nullable: true,
    description: 'Currency of `rate` (inferred field); null when no rate is shown.',
  })
  currency!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether time on this contract is billable (inferred field); null when WebWork does not say.',
  })
  isBillable!: boolean | null;
}
