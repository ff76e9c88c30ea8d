import { Resolver } from 'type-graphql';
import {
  createWebhook,
  type DeletedWebhookRecord,
  deleteWebhook,
  updateWebhook,
  type WebhookRecord,
  webhooksList,
} from '../catalogue/webhooks.operations.js';
import { type WebhookEvent, webhookEvent } from '../catalogue/webhooks.enums.js';
import type { WorkspaceRecord } from '../catalogue/workspaces.operations.js';
import { badUserInput } from '../errors/gateway-error.js';
import { PageArgs } from '../schema/inputs/page.args.js';
import {
  CreateWebhookInput,
  DeleteWebhookInput,
  MAX_WEBHOOK_URL,
  UpdateWebhookInput,
} from '../schema/inputs/webhooks.inputs.js';
import { connectionOf } from '../schema/types/connection.js';
import { DeletedWebhook, Webhook } from '../schema/types/webhook.type.js';
import { Workspace } from '../schema/types/workspace.type.js';
import { connectionField } from './connection-field.js';
import { httpUrl, opaqueId } from './money-validate.js';
import { DeletedNodeResolver, WorkspaceNodeResolver } from './node.resolver.js';
import { stateMove } from './state-move.js';
import { positiveId } from './validate.js';

export const WebhookConnection = connectionOf(Webhook, 'Webhook');

@Resolver(() => Webhook)
export class WebhookResolver extends WorkspaceNodeResolver(Webhook, (w: WebhookRecord) => w.webhookId) {}

export const DeletedWebhookResolver = DeletedNodeResolver(
  DeletedWebhook,
  'Webhook',
  (d: DeletedWebhookRecord) => [d.workspaceId, d.deletedId],
  { idField: 'webhookId' },
);

export const WorkspaceWebhooksResolver = connectionField({
  parent: Workspace,
  field: 'webhooks',
  connection: WebhookConnection,
  args: PageArgs,
  description: 'Webhooks of this workspace (Owners and Executive Managers; FORBIDDEN for others).',
  list: webhooksList,
  toArgs: (ws: WorkspaceRecord) => ({ workspaceId: ws.workspaceId }),
});

function events(
  argument: string,
  list: WebhookEvent[] | null | undefined,
  required: boolean,
): string[] | null {
  if (list == null) return null;
  if (list.length === 0 && required) throw badUserInput(argument, `${argument} must name at least one event`);
  if (list.length === 0)
    throw badUserInput(argument, `${argument} must name at least one event, or be left out`);
  return [...new Set(list)].map((event) => webhookEvent.toWire[event]);
}

const NOTE =
  'Owners and Executive Managers (FORBIDDEN for others). Null with an error when the write failed.';

export const CreateWebhookResolver = stateMove({
  input: CreateWebhookInput,
  returns: Webhook,
  description: `Registers a webhook and returns it with its token. Sent exactly once, never retried (a repeat would register it twice; after UPSTREAM_TIMEOUT read the webhooks before trying again). ${NOTE}`,
  write: createWebhook,
  toArgs: (input) => {
    positiveId('input.workspaceId', input.workspaceId);
    return {
      workspaceId: input.workspaceId,
      url: httpUrl('input.url', input.url, MAX_WEBHOOK_URL),
      events: events('input.events', input.events, true)!,
    };
  },
});

export const UpdateWebhookResolver = stateMove({
  input: UpdateWebhookInput,
  returns: Webhook,
  description: `Changes a webhook's URL and events (WebWork answers no data, so the webhook is read back; if that read fails the answer is what the input said, with a null token). ${NOTE}`,
  write: updateWebhook,
  toArgs: (input) => {
    positiveId('input.workspaceId', input.workspaceId);
    return {
      workspaceId: input.workspaceId,
      webhookId: opaqueId('input.webhookId', input.webhookId),
      url: httpUrl('input.url', input.url, MAX_WEBHOOK_URL),
      events: events('input.events', input.events, false),
    };
  },
});

export const DeleteWebhookResolver = stateMove({
  input: DeleteWebhookInput,
  returns: DeletedWebhook,
  description: `Deletes a webhook. ${NOTE}`,
  write: deleteWebhook,
  toArgs: (input) => {
    positiveId('input.workspaceId', input.workspaceId);
    return { workspaceId: input.workspaceId, webhookId: opaqueId('input.webhookId', input.webhookId) };
  },
});
