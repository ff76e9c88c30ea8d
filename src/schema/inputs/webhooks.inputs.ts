import { Field, InputType, Int } from 'type-graphql';
import { WebhookEvent, webhookEvent } from '../../catalogue/webhooks.enums.js';
import { registerEnum } from '../enums/register-enum.js';

registerEnum(
  webhookEvent,
  'WebhookEvent',
  'An event a webhook can subscribe to (TRACKER_STARTED is `tracker.started`, ...).',
);

export const MAX_WEBHOOK_URL = 2048;

@InputType({ description: 'A new webhook (Owners and Executive Managers).' })
export class CreateWebhookInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field({ description: `Absolute http(s) URL, at most ${MAX_WEBHOOK_URL} characters.` })
  url!: string;

  @Field(() => [WebhookEvent], { description: 'One or more events.' })
  events!: WebhookEvent[];
}

@InputType({
  description: 'Changes to a webhook. WebWork requires the URL even when only the events change.',
})
export class UpdateWebhookInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field({ description: 'The webhook to change (`Webhook.webhookId`).' })
  webhookId!: string;

  @Field({ description: `Absolute http(s) URL, at most ${MAX_WEBHOOK_URL} characters.` })
  url!: string;

  @Field(() => [WebhookEvent], { nullable: true, description: 'Replaces the events; left out: kept.' })
  events?: WebhookEvent[] | null;
}

@InputType({ description: 'The webhook to delete (Owners and Executive Managers).' })
export class DeleteWebhookInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field({ description: 'The webhook to delete (`Webhook.webhookId`).' })
  webhookId!: string;
}
