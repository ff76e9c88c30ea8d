import type { LiveEvent } from './live-event.js';

/**
 * Fans live events out to every gateway instance (issue 10: "an event received by instance A
 * reaches subscribers on instance B"). `publish` reaches the local listeners too, exactly once,
 * whichever implementation carries it; a listener never sees an event twice.
 *
 * Implementations: `MemoryLiveBus` (one process: the default demo run and unit tests) and the Redis
 * pub/sub bus (several instances sharing Redis).
 */
export interface LiveBus {
  publish(event: LiveEvent): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(listener: (event: LiveEvent) => void): () => void;
  close(): Promise<void>;
}

/** One process: publishing calls the listeners directly (after the current tick, like Redis would). */
export class MemoryLiveBus implements LiveBus {
  private readonly listeners = new Set<(event: LiveEvent) => void>();

  publish(event: LiveEvent): Promise<void> {
    const copy = structuredClone(event);
    queueMicrotask(() => {
      for (const listener of this.listeners) listener(copy);
    });
    return Promise.resolve();
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    this.listeners.clear();
    return Promise.resolve();
  }
}
