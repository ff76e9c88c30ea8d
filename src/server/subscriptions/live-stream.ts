import { Repeater, SlidingBuffer } from '@repeaterjs/repeater';
import type { WorkspaceRecord } from '../../catalogue/workspaces.operations.js';
import type { LiveEvent } from '../../live/live-event.js';
import type { LiveContext } from './live-context.js';
import type { LiveField } from './subscription-metrics.js';
import { provesNoAccess } from './workspace-access.js';

/**
 * Events a slow subscriber may have waiting; beyond it the oldest are dropped (a board wants the
 * newest state, and memory must stay bounded whatever a client does).
 */
const BUFFERED_EVENTS = 100;

export interface LiveStreamOptions<T> {
  field: LiveField;
  workspaceId: number;
  /** Whether this event goes to this subscriber, given its current access to the workspace. */
  accepts(event: LiveEvent, access: WorkspaceRecord): boolean;
  toPayload(event: LiveEvent): T;
  /** Started once the subscription is open; the returned function runs when it ends. */
  whileOpen?(access: WorkspaceRecord): () => void;
}

/**
 * The source stream of one subscription field: the LiveBus's events of one workspace, for one
 * subscriber, for as long as they may read it.
 *
 * - Refused at once (the error is the subscription's answer) over the subscription bounds, or when
 *   the caller cannot read the workspace (NOT_FOUND / FORBIDDEN / UNAUTHENTICATED).
 * - Access is rechecked every SUBSCRIPTION_RECHECK_SECONDS, and at once (from a fresh workspace
 *   list) when a `member` event names the subscriber. When a recheck proves access gone, the
 *   subscription ends with that error. A recheck that WebWork cannot answer (rate limit, outage)
 *   keeps it open: it proves nothing.
 * - Each event is resolved with renewed loaders (LiveContext.renew).
 * - Whatever ends it (client complete, socket close, revocation, shutdown), the bus listener, the
 *   timer, the slot and the refresher's watch are released exactly once.
 */
export async function openLiveStream<T>(
  ctx: LiveContext,
  options: LiveStreamOptions<T>,
): Promise<AsyncIterable<T>> {
  const { services: live, caller } = ctx;
  const { field, workspaceId } = options;
  const release = live.limits.acquire(ctx.connection, caller);
  let access: WorkspaceRecord;
  try {
    access = await live.access.check(caller, workspaceId);
  } catch (error) {
    release();
    throw error;
  }
  live.metrics.opened(field);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    release();
    live.metrics.closed(field);
  };

  const events = new Repeater<T>(async (push, stop) => {
    let rechecking = false;
    const recheck = async (fresh: boolean) => {
      if (rechecking && !fresh) return;
      rechecking = true;
      try {
        access = await live.access.check(caller, workspaceId, { fresh });
      } catch (error) {
        if (provesNoAccess(error)) stop(error);
      } finally {
        rechecking = false;
      }
    };
    const unsubscribe = live.bus.subscribe((event) => {
      if (event.workspaceId !== workspaceId) return;
      if (event.kind === 'member' && event.userId === access.viewerUserId) void recheck(true);
      if (options.accepts(event, access)) void push(options.toPayload(event)).catch(() => undefined);
    });
    const timer = setInterval(() => void recheck(false), live.recheckMs);
    timer.unref();
    const unwatch = options.whileOpen?.(access);
    await stop;
    unsubscribe();
    clearInterval(timer);
    unwatch?.();
    end();
  }, new SlidingBuffer(BUFFERED_EVENTS));

  // A thin iterator rather than an async generator: `return` must reach the Repeater at once even
  // while it waits for the next event (an async generator would defer it until one arrived).
  const iterator = events[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      const result = await iterator.next();
      if (!result.done) {
        ctx.renew();
        live.metrics.delivered(field);
      }
      return result;
    },
    async return(value?: unknown) {
      end(); // a Repeater never started (completed before its first pull) has no cleanup of its own
      return iterator.return(value as T);
    },
    async throw(error?: unknown) {
      end();
      return iterator.throw(error);
    },
  } as AsyncIterableIterator<T>;
}
