import { Node } from './node.interface.js';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A webhook of a workspace (Owners and Executive Managers).', implements: Node })
export class Webhook {
  @Field({ description: 'Upstream webhook id (an encoded string).' })
  webhookId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where WebWork sends the events; null on an update whose read-back failed.',
  })
  url!: string | null;

  @Field(() => [String], {
    description:
      'Upstream event names (tracker.started, member.invited, ...), as WebWork sends them: events outside the documented ten (e.g. task.*) are kept rather than dropped.',
  })
  events!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Secret for verifying deliveries. Null on an update whose read-back failed.',
  })
  token!: string | null;
}

@ObjectType({ description: 'What deleteWebhook removed.' })
export class DeletedWebhook {
  @Field(() => ID, { description: 'The global id the webhook had (`Webhook.id`).' })
  id!: string;

  @Field({ description: 'Upstream id of the removed webhook.' })
  webhookId!: string;
}
