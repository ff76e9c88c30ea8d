import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

/**
 * The field every object of a workspace has, declared once: the types that extend it inherit its
 * fields (type-graphql's type inheritance). No field returns it, so it is no type of the schema
 * (type-graphql 2 emits only reachable types; the schema drift test would show it otherwise).
 */
@ObjectType()
export abstract class WorkspaceObject {
  @Field(() => Int, { description: 'The workspace it belongs to (`Workspace.workspaceId`).' })
  workspaceId!: number;
}

/** A workspace object WebWork stamps with its creation and last change. */
@ObjectType()
export abstract class StampedWorkspaceObject extends WorkspaceObject {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When WebWork created it (UTC); null when WebWork does not say.',
  })
  createdAt!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When WebWork last changed it (UTC); null when WebWork does not say.',
  })
  updatedAt!: string | null;
}
