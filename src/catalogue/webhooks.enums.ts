import { defineEnum, type EnumOf } from './enum-table.js';

/** The 10 events WebWork's create enum lists (REFERENCE §9.15, doc set A). */
export const webhookEvent = defineEnum({
  TRACKER_STARTED: ['tracker.started', 'A member started tracking time (`tracker.started`).'],
  TRACKER_STOPPED: ['tracker.stopped', 'A member stopped tracking time (`tracker.stopped`).'],
  MEMBER_INVITED: ['member.invited', 'A member was invited (`member.invited`).'],
  MEMBER_UPDATED: ['member.updated', 'A member was updated (`member.updated`).'],
  MEMBER_DELETED: ['member.deleted', 'A member was deleted (`member.deleted`).'],
  MEMBER_ACTIVATED: ['member.activated', 'A member was activated (`member.activated`).'],
  MEMBER_ARCHIVED: ['member.archived', 'A member was archived (`member.archived`).'],
  PROJECT_CREATED: ['project.created', 'A project was created (`project.created`).'],
  PROJECT_UPDATED: ['project.updated', 'A project was updated (`project.updated`).'],
  PROJECT_DELETED: ['project.deleted', 'A project was deleted (`project.deleted`).'],
});
export const WebhookEvent = webhookEvent.values;
export type WebhookEvent = EnumOf<typeof webhookEvent>;
