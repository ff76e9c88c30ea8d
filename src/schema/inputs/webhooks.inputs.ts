import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { describeValues } from '../enums/describe-values.js';

/** The documented webhook events (REFERENCE §9.15); upstream spelling `tracker.started`, ... */
export enum WebhookEvent {
  TRACKER_STARTED = 'tracker.started',
  TRACKER_STOPPED = 'tracker.stopped',
  MEMBER_INVITED = 'member.invited',
  MEMBER_UPDATED = 'member.updated',
  MEMBER_DELETED = 'member.deleted',
  MEMBER_ACTIVATED = 'member.activated',
  MEMBER_ARCHIVED = 'member.archived',
  PROJECT_CREATED = 'project.created',
  PROJECT_UPDATED = 'project.updated',
  PROJECT_DELETED = 'project.deleted',
}
registerEnumType(WebhookEvent, {
  name: 'WebhookEvent',
  description: 'An event a webhook can subscribe to (TRACKER_STARTED is `tracker.started`, ...).',
  valuesConfig: describeValues(WebhookEvent, {
    TRACKER_STARTED: 'A member started tracking time (`tracker.started`).',
    TRACKER_STOPPED: 'A member stopped tracking time (`tracker.stopped`).',
    MEMBER_INVITED: 'A member was invited (`member.invited`).',
    MEMBER_UPDATED: 'A member was updated (`member.updated`).',
    MEMBER_DELETED: 'A member was deleted (`member.deleted`).',
    MEMBER_ACTIVATED: 'A member was activated (`member.activated`).',
    MEMBER_ARCHIVED: 'A member was archived (`member.archived`).',
    PROJECT_CREATED: 'A project was created (`project.created`).',
    PROJECT_UPDATED: 'A project was updated (`project.updated`).',
    PROJECT_DELETED: 'A project was deleted (`project.deleted`).',
  }),
});

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
