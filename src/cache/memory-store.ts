import { LRUCache } from 'lru-cache';
import type { CacheEntry, CacheStore } from './cache-store.js';

export interface MemoryStoreOptions {
  /** Most entries kept; the least recently used go first. Default 50 000. */
  maxEntries?: number;
}

interface Stored {
  entry: CacheEntry;
  tags: readonly string[];
}

/**
 * An in-process `CacheStore`, used when no Redis is configured (a single instance, tests, the demo).
 *
 * Bounded by entry count (LRU) so it cannot grow without limit, and each entry expires after its own TTL.
 * A tag index (tag → keys) makes `invalidateTags` exact; it is kept in step with the LRU through its
 * dispose hook, so evicted or expired entries leave the index too.
 *
 * Not shared between processes: with several gateway instances, use `RedisStore`.
 */
export class MemoryStore implements CacheStore {
  private readonly entries: LRUCache<string, Stored>;
  private readonly keysByTag = new Map<string, Set<string>>();

  constructor(options: MemoryStoreOptions = {}) {
    this.entries = new LRUCache<string, Stored>({
      max: options.maxEntries ?? 50_000,
      dispose: (stored, key) => this.unindex(key, stored.tags),
    });
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    return this.entries.get(key)?.entry;
  }

  async getMany(keys: readonly string[]): Promise<(CacheEntry | undefined)[]> {
    return keys.map((key) => this.entries.get(key)?.entry);
  }

  async set(key: string, value: string, ttlSeconds: number, tags: readonly string[]): Promise<void> {
    if (!(ttlSeconds > 0)) return;
    // `set` disposes the previous value (and its index entries) first, so index the new tags afterwards.
    this.entries.set(
      key,
      { entry: { value, storedAt: Date.now() }, tags },
      { ttl: Math.ceil(ttlSeconds * 1000) },
    );
    for (const tag of tags) {
      let keys = this.keysByTag.get(tag);
      if (keys === undefined) {
        keys = new Set();
        this.keysByTag.set(tag, keys);
      }
      keys.add(key);
    }
  }

  async invalidateTags(tags: readonly string[]): Promise<void> {
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag);
      if (keys === undefined) continue;
      // Copy: each delete disposes and edits the index set we are walking.
      for (const key of [...keys]) this.entries.delete(key);
      this.keysByTag.delete(tag);
    }
  }

  async close(): Promise<void> {
    this.entries.clear();
    this.keysByTag.clear();
  }

  private unindex(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag);
      if (keys === undefined) continue;
      keys.delete(key);
      if (keys.size === 0) this.keysByTag.delete(tag);
    }
  }
}
