import type { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { callerScope } from '../../src/cache/keys.js';
import { liveKeys } from '../../src/live/live-keys.js';
import type { SimulatorHandle } from '../../src/simulator/server.js';
import { benchConfig, schedulerInstance } from './live-stack.js';
import { BenchSnapshotStore } from './snapshot-store.js';

export interface HeldBoardResult {
  webhooks: boolean;
  holdSeconds: number;
  subscribers: number;
  instances: number;
  /** Instances that polled the workspace at the end (1 without webhooks, 0 with). */
  pollingInstances: number;
  upstreamCallsPerMinute: number;
  byRoute: Record<string, number>;
}

/** Subscribers alternate between two tokens that may read every tracker of workspace 1. */
const TOKENS = ['demo-owner', 'demo-manager'];

/**
 * A board held open by `subscribers` watches of workspace 1, spread over two scheduler instances
 * sharing Redis (budget, poller lock) and one store, for `holdSeconds`: upstream calls per minute,
 * with the workspace's webhooks registered or not. The watches are what a `trackerChanged`
 * subscription opens (`refresher.watch`); no GraphQL traffic runs meanwhile, so every upstream call
 * counted is the live board's own background work.
 */
export async function heldBoard(
  sim: SimulatorHandle,
  redis: Redis,
  redisUrl: string,
  options: { webhooks: boolean; holdSeconds: number; subscribers: number },
): Promise<HeldBoardResult> {
  const config = benchConfig(redisUrl, `bench-live-${Date.now()}`);
  if (options.webhooks) {
    await redis.set(liveKeys.webhookRegistration(config.cache.prefix, 1), JSON.stringify({ bench: true }));
  }
  const store = new BenchSnapshotStore();
  const instances = [0, 1].map(() => schedulerInstance(config, sim.apiUrl, redis, store));
  sim.stats.reset();
  const unwatch = Array.from({ length: options.subscribers }, (_, i) => {
    const token = TOKENS[i % TOKENS.length]!;
    return instances[i % instances.length]!.watch({ token, scope: callerScope(token) }, 1);
  });
  await sleep(options.holdSeconds * 1000);
  const stats = sim.stats.snapshot();
  const pollingInstances = instances.filter((s) => s.polling().includes(1)).length;
  for (const end of unwatch) end();
  await Promise.all(instances.map((s) => s.close()));
  await redis.del(liveKeys.webhookRegistration(config.cache.prefix, 1));
  return {
    webhooks: options.webhooks,
    holdSeconds: options.holdSeconds,
    subscribers: options.subscribers,
    instances: instances.length,
    pollingInstances,
    upstreamCallsPerMinute: Math.round((stats.total / (options.holdSeconds / 60)) * 10) / 10,
    byRoute: stats.byRoute,
  };
}
