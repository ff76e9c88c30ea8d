import { keyForLog } from '../logging/log-id.js';
import { silentLogger, type Logger } from '../logging/logger.js';
import type { CacheObserver } from '../observability/hooks.js';
import type { CacheEntry, CacheStore } from './cache-store.js';
import type { InvalidationBus } from './invalidation-bus.js';
import type { NearCache } from './near-cache.js';
import type { ReadCollector } from './read-collector.js';

/** How one kind of upstream read is cached. */
export interface CachePolicy {
  /** Seconds an entry is fresh (served without calling the upstream). */
  ttlSeconds: number;
  /**
   * Seconds after `ttlSeconds` during which the entry is kept although stale. Default 0. Within this window a
   * read returns the stale value and refreshes it in the background (unless `staleWhileRevalidate` is false),
   * and a failed load can fall back to it (`serveStaleOnError`).
   */
  staleSeconds?: number;
  /**
   * Whether a stale entry is served at once while a background load refreshes it. Default true. Set false
   * where staleness is not harmless: a stale entry then only serves as the fallback of a failed load.
   */
  staleWhileRevalidate?: boolean;
  /** Tags the entry is filed under, for invalidation after writes (see `tags` in keys.ts). */
  tags: readonly string[];
}

export interface LoadOptions {
  /**
   * Called when `load` throws while a stale entry exists: return true to serve the stale value instead of
   * the error (e.g. for upstream timeouts and 5xx, not for 401/403, which must reach the caller).
   */
  serveStaleOnError?: (err: unknown) => boolean;
  /** Told about this read (tags, freshness), for reusing whole responses built from it. */
  collector?: ReadCollector;
  /**
   * Told about every failed load of this read, foreground or background refresh, and awaited before the
   * error goes on. `hadEntry`: the cache held a value for the key (fresh or stale) when the load started,
   * i.e. the same read succeeded for this caller before. Must not reject.
   */
  onLoadError?: (err: unknown, hadEntry: boolean) => Promise<void>;
  /** Who asked, as log lines name them (`CallerScope.logId`); keys are logged without their scope. */
  logId?: string;
}

/** One read for `getOrLoadMany`. */
export interface LoadRequest<T> extends LoadOptions {
  key: string;
  policy: CachePolicy;
  load: () => Promise<T>;
}

export interface ResponseCacheOptions {
  /** False: every call goes to `load` (no cache, no de-duplication), for benchmarks comparing modes. */
  enabled?: boolean;
  logger?: Logger;
  /** Epoch-ms clock used to judge an entry's age. Default `Date.now`; tests may shift it. */
  clock?: () => number;
  /** In-process tier of parsed values in front of the store (see near-cache.ts). */
  near?: NearCache;
  /** Carries invalidations to the near caches of other instances (see invalidation-bus.ts). */
  bus?: InvalidationBus;
  /** Told whether each read was a hit, a stale serve or a miss (metrics); default: nothing observes. */
  observer?: CacheObserver;
}

/** Something kept in step with this cache's invalidations. */
export interface InvalidationListener {
  invalidateTags(tags: readonly string[]): void;
  clear(): void;
}

/** One running load, shared by every caller that missed on its key. */
interface Flight {
  promise: Promise<unknown>;
  tags: readonly string[];
  /** Set when an invalidation of one of `tags` happened after the load started: do not store its result. */
  invalidated: boolean;
}

/**
 * Read-through cache of upstream responses on top of a `CacheStore`.
 *
 * Contract of `getOrLoad(key, policy, load)`:
 * - fresh entry (age ≤ ttl) → its value; `load` is not called;
 * - stale entry (ttl < age ≤ ttl + stale) → its value at once, and one background `load` refreshes it
 *   (stale-while-revalidate); a failed refresh is logged, never thrown;
 * - miss → `load`, store the result, return it. Only successes are stored: a thrown error is never cached.
 *   If `load` throws, a stale entry exists and `serveStaleOnError(err)` says so, the stale value is returned;
 * - concurrent misses and refreshes of one key in this process share one `load` (single flight);
 * - values are JSON round-tripped when read from the store; a loaded value is handed to every waiter of
 *   its flight as is (treat results as immutable). `undefined` is returned but not stored.
 *
 * Keys must come from `cacheKey` (caller-scoped). One ResponseCache may serve every request of the process:
 * it remembers nothing per caller except through those keys.
 *
 * Invalidation vs loads in flight: `invalidate(tags)` marks every running load carrying one of the tags, so a
 * load that started before the invalidation never writes its (possibly stale) result after it, and later
 * callers start a fresh load rather than joining the old one. Invalidations broadcast by other instances
 * (the bus) mark loads the same way. Cross-instance limit: a load started on instance A before a write
 * invalidated via instance B still stores pre-write data when B's broadcast reaches A after that load
 * stored its result, or never (no bus, Redis unreachable); the entry then lives at most
 * `ttlSeconds + staleSeconds`, so keep TTLs short for data that writes change.
 */
export class ResponseCache {
  private readonly flights = new Map<string, Flight>();
  /** Every running load, including those no longer in `flights` (already invalidated). */
  private readonly running = new Set<Flight>();
  private readonly enabled: boolean;
  private readonly logger: Logger;
  private readonly clock: () => number;
  private readonly near: NearCache | undefined;
  private readonly bus: InvalidationBus | undefined;
  private readonly observer: CacheObserver | undefined;
  private readonly dependents: InvalidationListener[] = [];

  constructor(
    private readonly store: CacheStore,
    options: ResponseCacheOptions = {},
  ) {
    this.enabled = options.enabled ?? true;
    this.logger = options.logger ?? silentLogger;
    this.clock = options.clock ?? Date.now;
    this.near = options.near;
    this.bus = options.bus;
    this.observer = options.observer;
    this.bus?.onInvalidate((tags) => {
      this.stopStoring(tags);
      this.near?.invalidateTags(tags);
      for (const dependent of this.dependents) dependent.invalidateTags(tags);
    });
    this.bus?.onPossiblyMissed(() => {
      this.near?.clear();
      for (const dependent of this.dependents) dependent.clear();
    });
  }

  /**
   * Another in-process cache whose entries are built from this cache's reads (e.g. whole GraphQL
   * responses): it receives every invalidation, local or from other instances.
   */
  addDependent(cache: InvalidationListener): void {
    this.dependents.push(cache);
  }

  async getOrLoad<T>(
    key: string,
    policy: CachePolicy,
    load: () => Promise<T>,
    options: LoadOptions = {},
  ): Promise<T> {
    if (!this.enabled) return load();
    const near = this.near?.get(key) as { value: T; storedAt: number } | undefined;
    if (near !== undefined) return this.resolveParsed({ key, policy, load, ...options }, near);
    const entry = await this.store.get(key);
    return this.resolve({ key, policy, load, ...options }, entry);
  }

  /**
   * Many reads with one store round trip (`getMany`) for all lookups; only misses (and stale entries) load,
   * each with the single-flight and stale rules of `getOrLoad`. Results are in request order, one per
   * request, settled like `Promise.allSettled`, so one failed load does not discard the others (a DataLoader
   * batch function maps `rejected` to an Error in place).
   */
  async getOrLoadMany<T>(requests: readonly LoadRequest<T>[]): Promise<PromiseSettledResult<T>[]> {
    if (!this.enabled) return Promise.allSettled(requests.map((request) => request.load()));
    const entries = await this.store.getMany(requests.map((request) => request.key));
    return Promise.allSettled(requests.map((request, i) => this.resolve(request, entries[i])));
  }

  /**
   * Deletes every entry carrying any of `tags` (all callers), and stops loads already running for those tags
   * from storing their results. Resolves when the store has deleted them; never rejects.
   */
  async invalidate(tags: readonly string[]): Promise<void> {
    this.stopStoring(tags);
    this.near?.invalidateTags(tags);
    for (const dependent of this.dependents) dependent.invalidateTags(tags);
    await Promise.all([this.store.invalidateTags(tags), this.bus?.publish(tags)]);
  }

  /**
   * Marks every running load carrying one of `tags` so it does not store its result, and lets later
   * callers start a fresh load instead of joining it. Run for local invalidations and for those other
   * instances broadcast (a purge there must not be undone by a load in flight here).
   */
  private stopStoring(tags: readonly string[]): void {
    const hit = new Set(tags);
    for (const flight of this.running) {
      if (flight.invalidated || !flight.tags.some((tag) => hit.has(tag))) continue;
      flight.invalidated = true;
    }
    for (const [key, flight] of this.flights) {
      if (flight.invalidated) this.flights.delete(key);
    }
  }

  private async resolve<T>(request: LoadRequest<T>, entry: CacheEntry | undefined): Promise<T> {
    const cached = entry === undefined ? undefined : this.parse<T>(request, entry);
    if (cached !== undefined) {
      this.near?.set(
        request.key,
        cached.value,
        cached.storedAt,
        request.policy.tags,
        entry!.value.length,
        lifetimeSeconds(request.policy) * 1000,
      );
    }
    return this.resolveParsed(request, cached);
  }

  private async resolveParsed<T>(
    request: LoadRequest<T>,
    cached: { value: T; storedAt: number } | undefined,
  ): Promise<T> {
    const { key, policy, load, collector } = request;
    const logFields = { caller: request.logId, key: keyForLog(key) };
    const now = this.clock();
    if (cached !== undefined) {
      const ageMs = now - cached.storedAt;
      if (ageMs <= policy.ttlSeconds * 1000) {
        collector?.record(policy.tags, cached.storedAt + policy.ttlSeconds * 1000);
        this.observer?.read('hit');
        return cached.value;
      }
      if (policy.staleWhileRevalidate !== false && ageMs <= lifetimeSeconds(policy) * 1000) {
        this.flight(key, policy, load).catch(async (err: unknown) => {
          this.logger.warn(
            { ...logFields, err: describe(err) },
            'background refresh of a stale cache entry failed',
          );
          await request.onLoadError?.(err, true);
        });
        collector?.record(policy.tags, Number.NEGATIVE_INFINITY);
        this.observer?.read('stale');
        return cached.value;
      }
    }
    try {
      const value = await this.flight(key, policy, load);
      collector?.record(policy.tags, this.clock() + policy.ttlSeconds * 1000);
      this.observer?.read('miss');
      return value;
    } catch (err) {
      await request.onLoadError?.(err, cached !== undefined);
      if (cached !== undefined && request.serveStaleOnError?.(err) === true) {
        this.logger.info({ ...logFields, err: describe(err) }, 'load failed: serving a stale cache entry');
        collector?.record(policy.tags, Number.NEGATIVE_INFINITY);
        this.observer?.read('stale_on_error');
        return cached.value;
      }
      this.observer?.read('miss');
      throw err;
    }
  }

  /** The running load for `key`, or a new one that stores its result unless invalidated meanwhile. */
  private flight<T>(key: string, policy: CachePolicy, load: () => Promise<T>): Promise<T> {
    const existing = this.flights.get(key);
    if (existing !== undefined) return existing.promise as Promise<T>;
    const flight: Flight = { promise: Promise.resolve(), tags: policy.tags, invalidated: false };
    const run = async (): Promise<T> => {
      try {
        const value = await load();
        const serialised = JSON.stringify(value) as string | undefined;
        if (!flight.invalidated && serialised !== undefined) {
          await this.store.set(key, serialised, lifetimeSeconds(policy), policy.tags);
          // Re-checked: an invalidation may have arrived while the store was writing.
          if (!flight.invalidated) {
            this.near?.set(
              key,
              value,
              this.clock(),
              policy.tags,
              serialised.length,
              lifetimeSeconds(policy) * 1000,
            );
          }
        }
        return value;
      } finally {
        this.running.delete(flight);
        if (this.flights.get(key) === flight) this.flights.delete(key);
      }
    };
    this.flights.set(key, flight);
    this.running.add(flight);
    const promise = run();
    flight.promise = promise;
    return promise;
  }

  private parse<T>(
    request: LoadRequest<unknown>,
    entry: CacheEntry,
  ): { value: T; storedAt: number } | undefined {
    try {
      return { value: JSON.parse(entry.value) as T, storedAt: entry.storedAt };
    } catch (err) {
      this.logger.warn(
        { caller: request.logId, key: keyForLog(request.key), err: describe(err) },
        'unreadable cache entry: treated as a miss',
      );
      return undefined;
    }
  }
}

/** How long the store keeps an entry: fresh time plus the stale window. */
function lifetimeSeconds(policy: CachePolicy): number {
  return policy.ttlSeconds + Math.max(0, policy.staleSeconds ?? 0);
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
