import type { FastifyInstance } from 'fastify';
import type { FaultInjector } from '../http/faults.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import type { RequestStats } from '../http/request-stats.js';
import { optionalInt, optionalNumber } from '../http/params.js';
import { DEMO_TOKENS } from '../state/demo-tokens.js';

/**
 * Introspection and control under `/__sim/`, outside the WebWork API paths, for tests and benchmarks.
 * These routes are not counted in the stats and need no token.
 */
export function registerSimAdminRoutes(
  app: FastifyInstance,
  deps: { stats: RequestStats; faults: FaultInjector; limiter: RateLimiter; reseed: () => void },
): void {
  app.get('/__sim/health', async () => ({ ok: true }));
  app.get('/__sim/stats', async () => deps.stats.snapshot());
  app.post('/__sim/stats/reset', async () => {
    deps.stats.reset();
    return deps.stats.snapshot();
  });
  app.post('/__sim/reset', async () => {
    deps.reseed();
    deps.stats.reset();
    deps.limiter.reset();
    return { ok: true };
  });
  app.get('/__sim/tokens', async () => DEMO_TOKENS);
  /** Body: any of `latencyMs`, `jitterMs`, `failRate`, `hangRate`, `rateLimit`. */
  app.post('/__sim/config', async (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const changes = Object.fromEntries(
      (['latencyMs', 'jitterMs', 'failRate', 'hangRate'] as const)
        .map((key) => [key, optionalNumber(body, key, { min: 0 })] as const)
        .filter(([, value]) => value !== undefined),
    );
    const rateLimit = optionalInt(body, 'rateLimit', { min: 0 });
    if (rateLimit !== undefined) {
      deps.limiter.limit = rateLimit;
      deps.limiter.reset();
    }
    return { ...deps.faults.configure(changes), rateLimit: deps.limiter.limit };
  });
}
