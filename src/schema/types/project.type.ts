import { Node } from './node.interface.js';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

@ObjectType({ description: 'A label on a project.' })
export class ProjectTag {
  @Field(() => Int)
  tagId!: number;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'CSS colour, e.g. #FF5733.' })
  color!: string | null;
}

@ObjectType({ description: 'A project of a workspace.', implements: Node })
export class Project {
  @Field(() => Int, { description: 'Upstream project id.' })
  projectId!: number;

  @Field(() => Int)
  workspaceId!: number;

  @Field()
  name!: string;

  @Field(() => Int)
  ownerId!: number;

  @Field(() => DateScalar, { nullable: true })
  startDate!: string | null;

  @Field(() => DateScalar, { nullable: true })
  deadline!: string | null;

  @Field(() => Float, { nullable: true })
  estimatedHours!: number | null;

  @Field(() => Float, { nullable: true })
  budget!: number | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => String, { nullable: true })
  icon!: string | null;

  @Field(() => Boolean, { nullable: true })
  isBillable!: boolean | null;

  @Field(() => Float, { nullable: true })
  rate!: number | null;

  @Field(() => Int, { nullable: true })
  weeklyHoursLimit!: number | null;

  @Field(() => String, { nullable: true })
  screenshots!: string | null;

  @Field(() => [ProjectTag])
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

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the project was archived, if it was.' })
  archivedAt!: string | null;
}
