import type { FastifyInstance } from 'fastify';
import type { FaultInjector, FaultSettings } from '../http/faults.js';
import { ApiError } from '../http/api-error.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import type { RequestStats } from '../http/request-stats.js';
import { optionalInt, optionalNumber } from '../http/params.js';
import { DEMO_TOKENS } from '../state/demo-tokens.js';
import { parseProfileName, type ProfileName } from '../profile.js';

/**
 * Introspection and control under `/__sim/`, outside the WebWork API paths, for tests and benchmarks.
 * These routes are not counted in the stats and need no token.
 */
export function registerSimAdminRoutes(
  app: FastifyInstance,
  deps: {
    stats: RequestStats;
    faults: FaultInjector;
    limiter: RateLimiter;
    reseed: () => void;
    profile: { get: () => ProfileName; set: (name: ProfileName) => void };
  },
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
  /**
   * Body: any of `latencyMs`, `jitterMs`, `failRate`, `hangRate`, `answerDelayMs` (hold the answer
   * after the request was handled), `rateLimit`; the scope of failRate, hangRate and answerDelayMs:
   * `faultMethods` (e.g. `["GET"]`, `[]` = all) and `faultPathPattern` (a regular expression on the
   * path, `""` = all); and `profile` (`lenient` | `docs-exact`, for the requests that follow; the
   * data is kept).
   */
  app.post('/__sim/config', async (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const changes = Object.fromEntries(
      (['latencyMs', 'jitterMs', 'failRate', 'hangRate', 'answerDelayMs'] as const)
        .map((key) => [key, optionalNumber(body, key, { min: 0 })] as const)
        .filter(([, value]) => value !== undefined),
    );
    const scope = faultScope(body);
    const profile = body.profile === undefined ? undefined : profileOf(body.profile);
    const rateLimit = optionalInt(body, 'rateLimit', { min: 0 });
    if (rateLimit !== undefined) {
      deps.limiter.limit = rateLimit;
      deps.limiter.reset();
    }
    if (profile !== undefined) deps.profile.set(profile);
    return {
      ...deps.faults.configure({ ...changes, ...scope }),
      rateLimit: deps.limiter.limit,
      profile: deps.profile.get(),
    };
  });
}

function profileOf(raw: unknown): ProfileName {
  try {
    return parseProfileName(raw, 'profile');
  } catch (error) {
    throw new ApiError(400, (error as Error).message);
  }
}

function faultScope(body: Record<string, unknown>): Partial<FaultSettings> {
  const scope: Partial<FaultSettings> = {};
  const methods = body.faultMethods;
  if (methods !== undefined) {
    if (!Array.isArray(methods) || methods.some((m) => typeof m !== 'string')) {
      throw new ApiError(400, 'faultMethods: expected an array of HTTP method names');
    }
    scope.faultMethods = methods.map((m: string) => m.toUpperCase());
  }
  const pattern = body.faultPathPattern;
  if (pattern !== undefined) {
    if (typeof pattern !== 'string') throw new ApiError(400, 'faultPathPattern: expected a string');
    try {
      new RegExp(pattern);
    } catch {
      throw new ApiError(400, 'faultPathPattern: not a valid regular expression');
    }
    scope.faultPathPattern = pattern;
  }
  return scope;
}
