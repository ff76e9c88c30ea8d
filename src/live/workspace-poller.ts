import { membersList } from '../catalogue/members.operations.js';
import type { Caller } from '../datasources/caller.js';
import type { Operations } from '../datasources/operations.js';
import { pause } from './pause.js';
import type { PollerLock } from './poller-lock.js';
import { inBackground, refreshTracker, type RefreshDeps } from './tracker-refresh.js';

export interface PollerDeps extends RefreshDeps {
  operations: Pick<Operations, 'fetch' | 'all'>;
  lock: PollerLock;
  /** Whether WebWork delivers this workspace's webhooks to the gateway (then nobody polls). */
  hasWebhooks: (workspaceId: number) => Promise<boolean>;
  /** A member's tracker is polled again once what the store knows is this old (LIVE_POLL_INTERVAL_SECONDS). */
  pollIntervalMs: number;
  /** How often the lock is renewed (or tried by a non-holder); a third of its TTL. */
  lockRenewMs: number;
}

interface Watcher {
  caller: Caller;
  count: number;
  /** Budget refused until then (epoch ms): other watchers' tokens go first. */
  deniedUntil: number;
  /** WebWork refused the token (401): kept as a watcher, never used to poll. */
  dead: boolean;
}

/** Pause after WebWork failed to answer a poll (outage): not a busy loop against a down upstream. */
const FAILURE_PAUSE_MS = 5000;

/**
 * The shared poller of one workspace on this instance (issue 10, "Without webhooks"): runs while
 * `trackerChanged` subscriptions watch the workspace, polls only while the workspace has no webhooks
 * and this instance holds the workspace's poller lock, and refreshes its members' trackers one at a
 * time, round robin, each at most once per poll interval (judged by the store's `asOf`, so a webhook
 * or mutation counts as fresh and a new holder resumes where the old one was). Every call uses one of
 * the watchers' tokens in turn, with background priority, so it spends only what is above the reserve.
 */
export class WorkspacePoller {
  private readonly watchers = new Map<string, Watcher>();
  /** `scopeId:userId` pairs WebWork refused (403/404): that token never polls that member again. */
  private readonly refused = new Set<string>();
  private readonly stop = new AbortController();
  private readonly running: Promise<void>;
  private cursor = 0;
  private turn = 0;
  private holding = false;

  constructor(
    private readonly deps: PollerDeps,
    private readonly workspaceId: number,
  ) {
    this.running = this.loop();
  }

  add(caller: Caller): void {
    const watcher = this.watchers.get(caller.scope.id);
    if (watcher) watcher.count++;
    else
      this.watchers.set(caller.scope.id, {
        caller: { token: caller.token, scope: caller.scope },
        count: 1,
        deniedUntil: 0,
        dead: false,
      });
  }

  /** Ends one watch of this token; returns how many watches remain on the workspace. */
  remove(scopeId: string): number {
    const watcher = this.watchers.get(scopeId);
    if (watcher && --watcher.count <= 0) this.watchers.delete(scopeId);
    return [...this.watchers.values()].reduce((sum, w) => sum + w.count, 0);
  }

  async close(): Promise<void> {
    this.stop.abort();
    await this.running;
    this.watchers.clear();
  }

  /** Whether this instance polls the workspace now (tests, metrics). */
  isPolling(): boolean {
    return this.holding;
  }

  private async loop(): Promise<void> {
    const { signal } = this.stop;
    while (!signal.aborted) {
      let waitMs = this.deps.lockRenewMs;
      try {
        if (await this.deps.hasWebhooks(this.workspaceId)) {
          await this.letGo();
        } else {
          this.holding = await this.deps.lock.acquire(this.workspaceId);
          if (this.holding && !signal.aborted) waitMs = await this.step();
        }
      } catch (err) {
        this.deps.logger.error({ workspaceId: this.workspaceId, err }, 'live board: poller step failed');
      }
      // Bounded by the renewal period, so a long budget wait never lets the lock expire under us.
      if (waitMs > 0) await pause(Math.min(waitMs, this.deps.lockRenewMs), signal);
    }
    await this.letGo();
  }

  private async letGo(): Promise<void> {
    if (!this.holding) return;
    this.holding = false;
    await this.deps.lock.release(this.workspaceId);
  }

  /** At most one upstream tracker read; returns how long to wait before the next step (ms). */
  private async step(): Promise<number> {
    const now = (this.deps.clock ?? Date.now)();
    const usable = [...this.watchers.values()].filter((w) => !w.dead);
    const ready = usable.filter((w) => w.deniedUntil <= now);
    if (ready.length === 0) {
      return usable.length === 0
        ? this.deps.lockRenewMs
        : Math.min(...usable.map((w) => w.deniedUntil)) - now;
    }
    const watcher = ready[this.turn++ % ready.length]!;
    const userIds = await this.memberIds(watcher);
    if (userIds === undefined) return 0;
    const due = await this.nextDue(userIds, watcher, now);
    if ('waitMs' in due) return due.waitMs;
    const outcome = await refreshTracker(this.deps, watcher.caller, this.workspaceId, due.userId);
    switch (outcome.kind) {
      case 'done':
        return 0;
      case 'wait':
        watcher.deniedUntil = now + outcome.seconds * 1000;
        return 0;
      case 'refused':
        this.refused.add(`${watcher.caller.scope.id}:${due.userId}`);
        return 0;
      case 'unauthenticated':
        watcher.dead = true;
        return 0;
      case 'failed':
        return FAILURE_PAUSE_MS;
    }
  }

  /**
   * The first member from the cursor whose tracker the store knows for less than the poll interval
   * (or not at all) and this watcher's token may read; else how long until one is due.
   */
  private async nextDue(
    userIds: number[],
    watcher: Watcher,
    now: number,
  ): Promise<{ userId: number } | { waitMs: number }> {
    const interval = this.deps.pollIntervalMs;
    const snapshots = await this.deps.store.getMany(this.workspaceId, userIds);
    let soonest = interval;
    for (let i = 0; i < userIds.length; i++) {
      const index = (this.cursor + i) % userIds.length;
      const userId = userIds[index]!;
      if (this.refused.has(`${watcher.caller.scope.id}:${userId}`)) continue;
      const known = snapshots[index];
      const age = known && known.isRunning !== null ? now - Date.parse(known.asOf) : Infinity;
      if (age >= interval) {
        this.cursor = index + 1;
        return { userId };
      }
      soonest = Math.min(soonest, interval - age);
    }
    return { waitMs: Math.max(1, soonest) };
  }

  /** The workspace's members, through the cache (lists change rarely), read with this watcher's token. */
  private async memberIds(watcher: Watcher): Promise<number[] | undefined> {
    try {
      const members = await this.deps.operations.all(inBackground(watcher.caller), membersList, {
        workspaceId: this.workspaceId,
      });
      return members.map((member) => member.userId);
    } catch {
      // Budget, outage or a token that may not list members: this watcher sits out a while.
      watcher.deniedUntil = (this.deps.clock ?? Date.now)() + this.deps.lockRenewMs;
      return undefined;
    }
  }
}
