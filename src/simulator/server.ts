import Fastify, { type FastifyInstance, type FastifyError } from 'fastify';
import formBody from '@fastify/formbody';
import { defaultSimulatorOptions, type SimulatorOptions } from './options.js';
import { type Profile, PROFILES } from './profile.js';
import { ApiError } from './http/api-error.js';
import { failure } from './http/envelope.js';
import { authenticate } from './http/auth.js';
import { FaultInjector } from './http/faults.js';
import { RateLimiter } from './http/rate-limiter.js';
import { docsTemplate, RequestStats } from './http/request-stats.js';
import { SimEvents } from './events.js';
import { seedState } from './state/seed.js';
import type { SimState } from './state/store.js';
import type { RouteContext } from './routes/context.js';
import { routeGroups } from './routes/index.js';
import { registerSimAdminRoutes } from './routes/sim-admin.routes.js';
import { attachWebhookDelivery } from './webhooks/delivery.js';

export const API_PREFIX = '/api/v2';

export interface SimulatorHandle {
  /** e.g. `http://127.0.0.1:4010` */
  readonly url: string;
  /** The WebWork API base, e.g. `http://127.0.0.1:4010/api/v2` */
  readonly apiUrl: string;
  readonly port: number;
  /** The live data (replaced by `POST /__sim/reset`). */
  readonly state: SimState;
  readonly stats: RequestStats;
  readonly faults: FaultInjector;
  /** The profile in force (set by the `profile` option, changed by `POST /__sim/config`). */
  readonly profile: Profile;
  close(): Promise<void>;
}

/**
 * Builds the simulator app (not listening). Separate from `startSimulator` so the shape of the app
 * can be reused; the app never imports gateway code.
 */
export function buildSimulator(overrides: Partial<SimulatorOptions> = {}) {
  const options: SimulatorOptions = Object.freeze({ ...defaultSimulatorOptions, ...overrides });
  let state = seedState(options);
  let profile = PROFILES[options.profile];
  const events = new SimEvents();
  const ctx: RouteContext = {
    get state() {
      return state;
    },
    get profile() {
      return profile;
    },
    options,
    events,
    now: () => new Date(),
  };
  const stats = new RequestStats();
  const faults = new FaultInjector(options);
  const limiter = new RateLimiter(options.rateLimit, options.rateLimitWindowMs);
  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 1_048_576 });

  // Empty JSON bodies are common on actions (approve, restore); bad JSON is the client's error.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (!text.trim()) return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new ApiError(400, 'Request body is not valid JSON'), undefined);
    }
  });
  void app.register(formBody);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith(`${API_PREFIX}/`) && request.url !== API_PREFIX) return;
    const template = request.routeOptions.url
      ? docsTemplate(request.routeOptions.url, API_PREFIX)
      : request.url.split('?')[0]!;
    stats.record(request.method, template);
    await faults.delay();
    const caller = authenticate(ctx.state, request.headers.authorization);
    request.caller = caller;
    if (limiter.enabled) {
      const verdict = limiter.hit(caller.token);
      void reply
        .header('X-RateLimit-Limit', limiter.limit)
        .header('X-RateLimit-Remaining', verdict.remaining);
      if (!verdict.allowed) {
        void reply.header('Retry-After', verdict.retryAfterSeconds);
        throw new ApiError(
          429,
          `Too many requests: the limit is ${limiter.limit} per minute; retry after ${verdict.retryAfterSeconds} s`,
        );
      }
    }
    const path = request.url.split('?')[0]!;
    if (faults.shouldHang(request.method, path)) return new Promise<void>(() => {});
    if (faults.shouldFail(request.method, path)) throw new ApiError(500, 'An error occurred');
  });

  app.addHook('onSend', async (request) => {
    if (request.url.startsWith(`${API_PREFIX}/`))
      await faults.delayAnswer(request.method, request.url.split('?')[0]!);
  });

  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) return reply.status(error.status).send(failure(error));
    const status =
      typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500
        ? error.statusCode
        : 500;
    if (status === 500) request.log.error(error);
    const message = status === 500 ? 'An error occurred' : error.message;
    return reply.status(status).send(failure(new ApiError(status, message)));
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    return reply.status(404).send(failure(new ApiError(404, `No such endpoint: ${request.method} ${path}`)));
  });

  void app.register(
    async (api) => {
      for (const register of routeGroups) register(api, ctx);
    },
    { prefix: API_PREFIX },
  );
  registerSimAdminRoutes(app, {
    stats,
    faults,
    limiter,
    reseed: () => {
      state = seedState(options);
    },
    profile: {
      get: () => profile.name,
      set: (name) => {
        profile = PROFILES[name];
      },
    },
  });
  const webhooks = attachWebhookDelivery(ctx);
  app.addHook('onClose', async () => webhooks.close());

  return { app, ctx, stats, faults, limiter, options };
}

/** Starts a simulator; `port: 0` picks a free port (tests start one per file this way). */
export async function startSimulator(
  overrides: Partial<SimulatorOptions> & { port?: number; host?: string } = {},
): Promise<SimulatorHandle> {
  const { port = 0, host = '127.0.0.1', ...options } = overrides;
  const { app, ctx, stats, faults } = buildSimulator(options);
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host}:${actualPort}`;
  return {
    url,
    apiUrl: `${url}${API_PREFIX}`,
    port: actualPort,
    get state() {
      return ctx.state;
    },
    stats,
    faults,
    get profile() {
      return ctx.profile;
    },
    close: () => app.close(),
  };
}

export type SimulatorApp = FastifyInstance;
