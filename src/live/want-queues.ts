import type { Caller } from '../datasources/caller.js';

export interface Want {
  workspaceId: number;
  userId: number;
}

interface TokenQueue {
  caller: Caller;
  /** Keyed `workspaceId:userId`, in arrival order: a Map keeps both the dedupe and the round robin. */
  wants: Map<string, Want>;
}

export interface WantQueueLimits {
  /** Distinct tokens with work queued; a want of one more is dropped (its tracker stays pending). */
  maxTokens: number;
  /** Distinct members queued per token; beyond it a want is dropped. */
  maxPerToken: number;
}

/**
 * The trackers each token asked for and the budget could not cover yet (`TrackerRefresher.want`),
 * one queue per token (caller scope), de-duplicated per workspace and member, bounded in tokens and
 * members. The token is held here only while its queue has work: `done` on the last want forgets it.
 */
export class WantQueues {
  private readonly queues = new Map<string, TokenQueue>();

  constructor(private readonly limits: WantQueueLimits) {}

  /** Queues a want; returns whether this token's queue is new (its worker must be started). */
  add(caller: Caller, want: Want): { accepted: boolean; started: boolean } {
    let queue = this.queues.get(caller.scope.id);
    const started = queue === undefined;
    if (queue === undefined) {
      if (this.queues.size >= this.limits.maxTokens) return { accepted: false, started: false };
      queue = { caller: { token: caller.token, scope: caller.scope }, wants: new Map() };
      this.queues.set(caller.scope.id, queue);
    }
    const key = `${want.workspaceId}:${want.userId}`;
    if (queue.wants.has(key)) return { accepted: true, started };
    if (queue.wants.size >= this.limits.maxPerToken) return { accepted: false, started };
    queue.wants.set(key, want);
    return { accepted: true, started };
  }

  /** The next want of this token (oldest first) with its caller, or undefined once it has none. */
  next(scopeId: string): { caller: Caller; want: Want } | undefined {
    const queue = this.queues.get(scopeId);
    const first = queue?.wants.values().next();
    if (queue === undefined || first === undefined || first.done) {
      this.queues.delete(scopeId);
      return undefined;
    }
    return { caller: queue.caller, want: first.value };
  }

  /** The want is served (or given up): remove it; forget the token with its last want. */
  done(scopeId: string, want: Want): void {
    const queue = this.queues.get(scopeId);
    if (queue === undefined) return;
    queue.wants.delete(`${want.workspaceId}:${want.userId}`);
    if (queue.wants.size === 0) this.queues.delete(scopeId);
  }

  /** Sends a want to the back of its token's queue (round robin after a failure). */
  requeue(scopeId: string, want: Want): void {
    const wants = this.queues.get(scopeId)?.wants;
    const key = `${want.workspaceId}:${want.userId}`;
    if (wants?.delete(key)) wants.set(key, want);
  }

  /** WebWork refused the token itself: drop all its work and the token with it. */
  forget(scopeId: string): void {
    this.queues.delete(scopeId);
  }

  size(scopeId: string): number {
    return this.queues.get(scopeId)?.wants.size ?? 0;
  }

  tokens(): number {
    return this.queues.size;
  }

  clear(): void {
    this.queues.clear();
  }
}
