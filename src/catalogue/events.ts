import { tags } from '../cache/keys.js';

/** What a WebWork webhook delivery names (REFERENCE: webhooks; payload fields inferred). */
export interface EventSubject {
  workspaceId: number;
  userId?: number;
  projectId?: number;
}

/**
 * WebWork's webhook events (doc set A lists these 10) and the cached reads each makes stale: the
 * changes that reach the gateway without passing through its own writes. Declared here, next to
 * the reads they invalidate, so the derived write→stale-reads table (stale-reads.ts) covers them;
 * the webhook receiver applies them for every caller (src/live/webhook-apply.ts). Without
 * registered webhooks these reads refresh by TTL after changes made outside the gateway.
 */
export const WEBWORK_EVENTS: readonly { name: string; stale: (e: EventSubject) => string[] }[] = [
  { name: 'tracker.started', stale: (e) => [tags.tracker(e.workspaceId, e.userId!)] },
  { name: 'tracker.stopped', stale: (e) => [tags.tracker(e.workspaceId, e.userId!)] },
  ...['member.invited', 'member.activated', 'member.updated', 'member.archived', 'member.deleted'].map(
    (name) => ({
      name,
      stale: (e: EventSubject) => [
        tags.workspaceResource(e.workspaceId, 'members'),
        tags.member(e.workspaceId, e.userId!),
        // A membership change changes that member's own workspace list, and their contracts.
        tags.workspaceList(),
        tags.workspaceResource(e.workspaceId, 'contracts'),
      ],
    }),
  ),
  ...['project.created', 'project.updated', 'project.deleted'].map((name) => ({
    name,
    stale: (e: EventSubject) => [
      tags.workspaceResource(e.workspaceId, 'projects'),
      tags.project(e.workspaceId, e.projectId!),
      // A deleted project takes its contracts and tasks with it.
      tags.workspaceResource(e.workspaceId, 'contracts'),
      tags.workspaceResource(e.workspaceId, 'tasks'),
    ],
  })),
];
