import { Node } from './node.interface.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';
import { TrackerSource } from '../enums/tracker-source.enum.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

@ObjectType({
  description:
    "A member's live tracker: what is running now, and today's tracked time, with how fresh that is (`asOf`, `source`). Answered from the gateway's live store (fed by webhooks, reads and its own writes) when fresh, else read from WebWork.",
  implements: Node,
})
export class TrackerState {
  @Field(() => Int, { description: 'The workspace it belongs to (`Workspace.workspaceId`).' })
  workspaceId!: number;

  @Field(() => Int, { description: 'Whose tracker this is (`Member.userId`).' })
  userId!: number;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether a tracker runs. Null when not known yet: the rate budget could not cover reading it and nothing told it before (see `pendingSince`); the board fills in as the budget frees.',
  })
  isRunning!: boolean | null;

  @Field(() => DateTimeScalar, {
    description:
      'When this state was true: the time of the webhook event, of WebWork’s answer, or of the gateway’s own write. For an unknown state, when it was asked for.',
  })
  asOf!: string;

  @Field(() => TrackerSource, { description: 'Where this state came from.' })
  source!: TrackerSource;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Since when an unknown state (`isRunning: null`) has waited to be read; null when known.',
  })
  pendingSince!: string | null;

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
      'Time tracked today, including the running tracker, in seconds. Null when `complete` is false (events do not tell it, so a state served from the live store has it only while as fresh as a cached read).',
  })
  todaySeconds!: number | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day `todaySeconds` is for (workspace time zone).',
  })
  date!: string | null;
}
