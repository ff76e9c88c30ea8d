import type { Caller } from '../datasources/caller.js';

/**
 * Fetches trackers in the background, within what the caller's rate budget leaves after
 * interactive reads (issue 10, "A budget-aware scheduler for upstream calls"), and pushes what it
 * learns to the TrackerStore and the LiveBus, so subscribers see a board fill in.
 *
 * - `want`: the tracker read path could not cover this member now (budget) and answered from the
 *   store or as unknown; fetch it when the budget frees, with this caller's token.
 * - `watch`: a `trackerChanged` subscription is open on this workspace; without webhooks, the
 *   shared poller keeps its trackers fresh. Returns the function that ends the watch.
 *
 * The caller's token is held in process memory only while needed, never written to Redis.
 */
export interface TrackerRefresher {
  want(caller: Caller, workspaceId: number, userId: number): void;
  watch(caller: Caller, workspaceId: number): () => void;
  close(): Promise<void>;
}
