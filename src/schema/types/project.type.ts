import { StampedWorkspaceObject } from './workspace-object.js';
import { Node } from './node.interface.js';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

@ObjectType({ description: 'A label on a project.' })
export class ProjectTag {
  @Field(() => Int, { description: 'Upstream tag id.' })
  tagId!: number;

  @Field({ description: 'Tag name, e.g. Marketing.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'CSS colour, e.g. #FF5733.' })
  color!: string | null;
}

@ObjectType({ description: 'A project of a workspace.', implements: Node })
export class Project extends StampedWorkspaceObject {
  @Field(() => Int, { description: 'Upstream project id.' })
  projectId!: number;

  @Field({ description: 'Project name.' })
  name!: string;

  @Field(() => Int, {
    description: "User id of the workspace owner (WebWork's `owner_id`), not of a project manager.",
  })
  ownerId!: number;

  @Field(() => DateScalar, { nullable: true, description: 'Start date; null when not set.' })
  startDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Deadline; null when not set.' })
  deadline!: string | null;

  @Field(() => Float, { nullable: true, description: 'Estimated hours; null when not set.' })
  estimatedHours!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Budget estimate (WebWork's `budget_estimation`; the currency is not documented); null when not set.",
  })
  budget!: number | null;

  @Field(() => String, { nullable: true, description: 'Free-text notes; null when none.' })
  notes!: string | null;

  @Field(() => String, { nullable: true, description: 'Icon name, e.g. project-icon-1; null when none.' })
  icon!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether time on this project is billable; null when WebWork does not say.',
  })
  isBillable!: boolean | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Project rate; null when not set or when the caller may not view rates.',
  })
  rate!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Weekly hours limit of the project (e.g. 168); null when not set.',
  })
  weeklyHoursLimit!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Screenshot visibility setting as WebWork sends it, e.g. blur (values undocumented, and unlike the contract screenshot modes).',
  })
  screenshots!: string | null;

  @Field(() => [ProjectTag], { description: 'Labels on the project; empty when none.' })
  tags!: ProjectTag[];

  @Field(() => Int, {
    nullable: true,
    description: 'Active contracts (assigned members), as WebWork counts them.',
  })
  contractsCount!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Raw upstream status code (its values are undocumented).',
  })
  statusCode!: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the project was archived, if it was.' })
  archivedAt!: string | null;
}
