import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

@ObjectType({
  description:
    "The gateway's webhook registration for one workspace: where WebWork delivers events for the live board. The delivery token stays with the gateway (it is never shown).",
})
export class WebhookRegistration {
  @Field(() => Int, {
    description: 'The workspace registered (`Workspace.workspaceId`); one registration each.',
  })
  workspaceId!: number;

  @Field({ description: 'The receiver WebWork delivers to (PUBLIC_URL + WEBHOOK_PATH).' })
  url!: string;

  @Field(() => [String], { description: 'Upstream event names registered.' })
  events!: string[];

  @Field(() => [String], { description: 'Upstream ids of the webhooks delivering to `url` (normally one).' })
  webhookIds!: string[];

  @Field(() => DateTimeScalar, { description: 'When the gateway first registered this webhook.' })
  registeredAt!: string;
}
