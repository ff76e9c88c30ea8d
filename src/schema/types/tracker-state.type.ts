import { Node } from './node.interface.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

@ObjectType({
  description: "A member's live tracker: what is running now, and today's tracked time.",
  implements: Node,
})
export class TrackerState {
  @Field(() => Int, { description: 'The workspace it belongs to (`Workspace.workspaceId`).' })
  workspaceId!: number;

  @Field(() => Int, { description: 'Whose tracker this is (`Member.userId`).' })
  userId!: number;

  @Field({ description: 'True while the member is tracking time.' })
  isRunning!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'What the member said they are working on; null when idle or not given.',
  })
  activityDescription!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      "When the running tracker started, as WebWork's start answer tells it (on startTracking). Null when idle, and on reads: WebWork's current-data documents no start time.",
  })
  startedAt!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Time tracked today, including the running tracker, in seconds. Null when `complete` is false.',
  })
  todaySeconds!: number | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day `todaySeconds` is for (workspace time zone).',
  })
  date!: string | null;
}
