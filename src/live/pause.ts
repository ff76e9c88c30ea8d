import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits `ms`, or less if `signal` aborts (close()); never rejects. The timer is unref'd so a
 * background wait never keeps the process alive on its own.
 */
export async function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  try {
    await sleep(Math.max(0, ms), undefined, { signal, ref: false });
  } catch {
    // Aborted: the caller checks `signal.aborted` and stops.
  }
}
