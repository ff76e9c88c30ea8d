import { Field, Float, InputType, Int } from 'type-graphql';
import { ContractStatus, ScreenshotMode } from '../enums/contract.enums.js';

/** The optional fields a contract is created or changed with. */
@InputType({ description: 'Optional contract fields: base of CreateContractInput and UpdateContractInput.' })
class ContractFields {
  @Field(() => Int, { nullable: true, description: 'Hours per week, 0 to 168 (default 168 on create).' })
  weeklyHoursLimit?: number | null;

  @Field(() => ScreenshotMode, {
    nullable: true,
    description:
      "How screenshots are taken on this contract; left out: WebWork's default (create) or kept (update).",
  })
  screenshotMode?: ScreenshotMode | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Hourly rate, ≥ 0; WebWork applies it only when the caller may set rates.',
  })
  rate?: number | null;
}

@InputType({ description: 'Assign a member to a project (Owners and Executive Managers).' })
export class CreateContractInput extends ContractFields {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => Int, { description: 'The project to assign the member to (`Project.projectId`).' })
  projectId!: number;

  @Field(() => Int, { description: 'The member to assign (`Member.userId`).' })
  userId!: number;
}

@InputType({ description: 'Changes to a contract; at least one field (Owners and Executive Managers).' })
export class UpdateContractInput extends ContractFields {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => Int, { description: 'The contract to change (`Contract.contractId`).' })
  contractId!: number;

  @Field(() => ContractStatus, {
    nullable: true,
    description: 'PAUSED pauses the contract; ACTIVE resumes it.',
  })
  status?: ContractStatus | null;
}

@InputType({ description: 'Delete a contract (Owners and Executive Managers).' })
export class DeleteContractInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field(() => Int, { description: 'The contract to delete (`Contract.contractId`).' })
  contractId!: number;
}
