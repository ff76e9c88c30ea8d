import type { Caller } from '../datasources/caller.js';
import { pause } from './pause.js';
import type { TrackerRefresher } from './tracker-refresher.js';
import { refreshTracker } from './tracker-refresh.js';
import { WantQueues, type Want, type WantQueueLimits } from './want-queues.js';
import { WorkspacePoller, type PollerDeps } from './workspace-poller.js';

export interface TrackerSchedulerOptions extends PollerDeps {
  limits?: WantQueueLimits;
}

/** Tries of one want that WebWork failed to answer (outage) before it is given up (stays pending). */
const MAX_FAILURES = 3;
const FAILURE_PAUSE_MS = 5000;

/**
 * The live board's `TrackerRefresher` (issue 10, "A budget-aware scheduler for upstream calls"):
 * - `want`: per token, a bounded, de-duplicated queue of members whose tracker the read path could not
 *   cover; one worker per token fetches them in turn with background priority, sleeping until the budget's
 *   hint when it says not now (no busy loop), and forgets the token with its last want;
 * - `watch`: one `WorkspacePoller` per watched workspace on this instance, elected across instances by
 *   the poller lock, stopped with the last watch.
 * Tokens live only in these in-memory structures; `close()` stops every loop and drops them.
 */
export class TrackerScheduler implements TrackerRefresher {
  private readonly queues: WantQueues;
  private readonly workers = new Set<Promise<void>>();
  private readonly pollers = new Map<number, WorkspacePoller>();
  private readonly stop = new AbortController();

  constructor(private readonly deps: TrackerSchedulerOptions) {
    this.queues = new WantQueues(deps.limits ?? { maxTokens: 1000, maxPerToken: 1000 });
  }

  want(caller: Caller, workspaceId: number, userId: number): void {
    if (this.stop.signal.aborted) return;
    const { accepted, started } = this.queues.add(caller, { workspaceId, userId });
    if (!accepted) {
      this.deps.logger.debug({ caller: caller.scope.logId, workspaceId }, 'live board: want queue full');
    }
    if (started) this.startWorker(caller.scope.id);
  }

  watch(caller: Caller, workspaceId: number): () => void {
    if (this.stop.signal.aborted) return () => undefined;
    let poller = this.pollers.get(workspaceId);
    if (poller === undefined) {
      poller = new WorkspacePoller(this.deps, workspaceId);
      this.pollers.set(workspaceId, poller);
    }
    poller.add(caller);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      if (poller.remove(caller.scope.id) > 0 || this.pollers.get(workspaceId) !== poller) return;
      this.pollers.delete(workspaceId);
      void poller.close();
    };
  }

  /** Watched workspaces this instance polls now (tests, figures). */
  polling(): number[] {
    return [...this.pollers].filter(([, poller]) => poller.isPolling()).map(([workspaceId]) => workspaceId);
  }

  /** Members queued for this caller (tests). */
  queued(caller: Caller): number {
    return this.queues.size(caller.scope.id);
  }

  async close(): Promise<void> {
    this.stop.abort();
    const pollers = [...this.pollers.values()];
    this.pollers.clear();
    await Promise.all([...pollers.map((poller) => poller.close()), ...this.workers]);
    this.queues.clear();
  }

  private startWorker(scopeId: string): void {
    const worker = this.work(scopeId).catch((err: unknown) => {
      this.deps.logger.error({ err }, 'live board: scheduler worker failed');
      this.queues.forget(scopeId);
    });
    this.workers.add(worker);
    void worker.finally(() => this.workers.delete(worker));
  }

  private async work(scopeId: string): Promise<void> {
    const { signal } = this.stop;
    const failures = new Map<string, number>();
    for (let next = this.queues.next(scopeId); next && !signal.aborted; next = this.queues.next(scopeId)) {
      const { caller, want } = next;
      const outcome = await refreshTracker(this.deps, caller, want.workspaceId, want.userId);
      switch (outcome.kind) {
        case 'done':
        case 'refused':
          this.queues.done(scopeId, want);
          break;
        case 'wait':
          await pause(outcome.seconds * 1000, signal);
          break;
        case 'unauthenticated':
          this.queues.forget(scopeId);
          break;
        case 'failed':
          this.retryLater(scopeId, want, failures);
          await pause(FAILURE_PAUSE_MS, signal);
          break;
      }
    }
  }

  private retryLater(scopeId: string, want: Want, failures: Map<string, number>): void {
    const key = `${want.workspaceId}:${want.userId}`;
    const count = (failures.get(key) ?? 0) + 1;
    failures.set(key, count);
    if (count >= MAX_FAILURES) this.queues.done(scopeId, want);
    else this.queues.requeue(scopeId, want);
  }
}
