import { tags } from '../cache/keys.js';

/**
 * The write → tags table: which cached reads each upstream write makes stale. The one place to
 * look when adding a mutation. Tags reach every caller's entries, so the next read by anyone
 * (not only the writer) goes upstream.
 */
export const staleAfter = {
  /** Start or stop tracking: the member's live state, and everything built from time entries. */
  tracking: (workspaceId: number, userId: number) => [
    tags.tracker(workspaceId, userId),
    tags.workspaceResource(workspaceId, 'time-entries'),
    tags.workspaceResource(workspaceId, 'reports'),
    tags.workspaceResource(workspaceId, 'timesheets'),
  ],
} as const;
