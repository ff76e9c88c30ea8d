import { LRUCache } from 'lru-cache';

export interface NearCacheOptions {
  /** Upper bound of the JSON size of all entries together, in bytes. */
  maxBytes: number;
  /**
   * Longest time an entry is kept here, whatever its TTL: the bound on staleness if an invalidation
   * message from another instance is lost (e.g. while Redis is unreachable).
   */
  maxAgeMs: number;
  clock?: () => number;
}

interface NearEntry {
  value: unknown;
  storedAt: number;
  tags: readonly string[];
}

/**
 * The in-process tier in front of the shared store: parsed values, so a warm read costs neither a
 * Redis round trip nor a JSON parse. Values are deep-frozen on the way in, because every request of
 * the process shares them (a consumer that tried to mutate one would throw instead of corrupting
 * other callers' answers). Keys are the same caller-scoped keys as the shared store, so nothing
 * crosses between callers here either.
 *
 * Coherence: `invalidateTags` is called for local writes and for every invalidation broadcast by
 * other instances (see invalidation-bus.ts); `clear` when broadcasts may have been missed.
 */
export class NearCache {
  private readonly entries: LRUCache<string, NearEntry>;
  private readonly byTag = new Map<string, Set<string>>();
  private readonly clock: () => number;

  constructor(private readonly options: NearCacheOptions) {
    this.clock = options.clock ?? Date.now;
    this.entries = new LRUCache<string, NearEntry>({
      maxSize: Math.max(1, options.maxBytes),
      ttlAutopurge: false,
      dispose: (entry, key) => this.unindex(key, entry.tags),
    });
  }

  get(key: string): { value: unknown; storedAt: number } | undefined {
    return this.entries.get(key);
  }

  /** `sizeBytes`: the entry's JSON length; `lifetimeMs`: how long the shared store keeps it. */
  set(
    key: string,
    value: unknown,
    storedAt: number,
    tags: readonly string[],
    sizeBytes: number,
    lifetimeMs: number,
  ): void {
    const ttl = Math.min(this.options.maxAgeMs, storedAt + lifetimeMs - this.clock());
    if (ttl <= 0 || sizeBytes > this.options.maxBytes / 4) return;
    this.entries.set(
      key,
      { value: deepFreeze(value), storedAt, tags },
      { ttl, size: Math.max(1, sizeBytes) },
    );
    for (const tag of tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  invalidateTags(tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) this.entries.delete(key);
      this.byTag.delete(tag);
    }
  }

  clear(): void {
    this.entries.clear();
    this.byTag.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private unindex(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
