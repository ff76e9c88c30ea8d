import { tags } from '../cache/keys.js';
import type { KeyParamValue } from '../cache/keys.js';
import { list, read, type Reads, write, type WriteOutcome } from './operation.js';

export interface WebhookRecord extends WriteOutcome {
  workspaceId: number;
  webhookId: string;
  url: string | null;
  /** Upstream event names as sent (an event outside the documented enum is kept, see the type). */
  events: string[];
  token: string | null;
}

interface WireWebhook {
  id: string;
  url?: string | null;
  events?: string[] | null;
  token?: string | null;
}

const toWebhook = (w: WireWebhook, { workspaceId }: { workspaceId: number }): WebhookRecord => ({
  workspaceId,
  webhookId: String(w.id),
  url: w.url ?? null,
  events: Array.isArray(w.events) ? w.events.map(String) : [],
  token: w.token ?? null,
});

const webhooksTag = (workspaceId: number) => tags.workspaceResource(workspaceId, 'webhooks');

/** `GET /webhooks` (meta.pagination documented; Owners and Executive Managers, inferred). */
export const webhooksList = list<{ workspaceId: number }, WireWebhook, WebhookRecord>({
  name: 'webhooks',
  path: '/webhooks',
  cache: 'lists',
  query: (a) => ({ workspace_id: a.workspaceId }),
  tags: (a) => [tags.workspace(a.workspaceId), webhooksTag(a.workspaceId)],
  map: toWebhook,
});

/** `GET /webhooks/{webhookId}`: one webhook (the read-back of an update, which answers no data). */
export const webhookById = read<{ workspaceId: number; webhookId: string }, WireWebhook, WebhookRecord>({
  name: 'webhook',
  path: '/webhooks/{webhookId}',
  pathParams: (a) => ({ webhookId: a.webhookId }),
  cache: 'lists',
  query: (a) => ({ workspace_id: a.workspaceId }),
  key: (a) => ({ workspace_id: a.workspaceId, webhook_id: a.webhookId }),
  tags: (a) => [tags.workspace(a.workspaceId), webhooksTag(a.workspaceId)],
  map: (w, a) => toWebhook(w!, a),
});

export interface CreateWebhookArgs {
  workspaceId: number;
  url: string;
  events: string[];
}

export interface UpdateWebhookArgs {
  workspaceId: number;
  webhookId: string;
  url: string;
  events?: string[] | null;
}

/** A JSON array in a body (Params name scalar values; the client sends the body as JSON as is). */
const jsonArray = (values: string[] | null | undefined) => values as unknown as KeyParamValue;

/** `POST /webhooks` (answers the Webhook, with its token). Never retried: a repeat registers twice. */
export const createWebhook = write<CreateWebhookArgs, WireWebhook, WebhookRecord>({
  name: 'createWebhook',
  method: 'POST',
  path: '/webhooks',
  verb: 'create',
  subject: 'webhooks',
  body: (a) => ({ workspace_id: a.workspaceId, url: a.url, events: jsonArray(a.events) }),
  stale: (a) => [webhooksTag(a.workspaceId)],
  told: (a, w) =>
    w && w.id != null
      ? toWebhook(w, a)
      : { workspaceId: a.workspaceId, webhookId: '', url: a.url, events: a.events, token: null },
});

const readWebhook = (reads: Reads, a: { workspaceId: number; webhookId: string }) =>
  reads.read(webhookById, { workspaceId: a.workspaceId, webhookId: a.webhookId });

/**
 * `PUT /webhooks/{webhookId}` (doc set B: `url` required even when only the events change; the
 * answer is `{success: true}` only), so the webhook is read back.
 */
export const updateWebhook = write<UpdateWebhookArgs, unknown, WebhookRecord>({
  name: 'updateWebhook',
  method: 'PUT',
  path: '/webhooks/{webhookId}',
  pathParams: (a) => ({ webhookId: a.webhookId }),
  verb: 'update',
  subject: 'webhook',
  body: (a) => ({ workspace_id: a.workspaceId, url: a.url, events: jsonArray(a.events) }),
  stale: (a) => [webhooksTag(a.workspaceId)],
  told: (a) => ({
    workspaceId: a.workspaceId,
    webhookId: a.webhookId,
    url: a.url,
    events: a.events ?? [],
    token: null,
  }),
  readBack: { read: readWebhook },
});

export interface DeletedWebhookRecord extends WriteOutcome {
  workspaceId: number;
  deletedId: string;
}

/** `DELETE /webhooks/{webhookId}` (`workspace_id` as a query parameter, like GET: inferred). */
export const deleteWebhook = write<{ workspaceId: number; webhookId: string }, unknown, DeletedWebhookRecord>(
  {
    name: 'deleteWebhook',
    method: 'DELETE',
    path: '/webhooks/{webhookId}',
    pathParams: (a) => ({ webhookId: a.webhookId }),
    verb: 'delete',
    subject: 'webhooks',
    query: (a) => ({ workspace_id: a.workspaceId }),
    stale: (a) => [webhooksTag(a.workspaceId)],
    told: (a) => ({ workspaceId: a.workspaceId, deletedId: a.webhookId }),
  },
);
