import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `workers` concurrent loops for `durationMs`, each calling `step(worker, iteration)` and
 * starting the next step as soon as the previous one ends (closed loop: at most `workers` requests
 * in flight), optionally pausing `pauseMs` between steps. Resolves when every loop has stopped.
 */
export async function closedLoop(
  workers: number,
  durationMs: number,
  step: (worker: number, iteration: number) => Promise<void>,
  pauseMs = 0,
): Promise<void> {
  const deadline = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = 0; Date.now() < deadline; i++) {
        await step(worker, i);
        if (pauseMs) await sleep(pauseMs);
      }
    }),
  );
}

/** Runs `count` tasks with at most `concurrency` in flight. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}
