import { wholeResponseKey, type CallerScope } from '../cache/keys.js';
import { NearCache } from '../cache/near-cache.js';
import type { ReadCollector } from '../cache/read-collector.js';
import type { InvalidationListener } from '../cache/response-cache.js';

/**
 * Reuses whole GraphQL responses (the serialised JSON) for identical requests by the same caller,
 * in process, without running Apollo or the resolvers again. A response is kept only when it was
 * built entirely from fresh cached reads, had no errors and made no upstream write; it lives as
 * long as the least fresh of those reads would have, and goes as soon as any of their tags is
 * invalidated (locally or by another instance: it is a dependent of the ResponseCache).
 *
 * Keys: the caller's scope (hash of the token) + a hash of the exact request body (query,
 * variables, operation name), so nothing is shared between callers.
 */
export class WholeResponseCache implements InvalidationListener {
  private readonly responses: NearCache;
  /** When each tag was last invalidated, to refuse responses whose reads began before that. */
  private readonly invalidatedAt = new Map<string, number>();

  constructor(private readonly options: { maxBytes: number; maxAgeMs: number; clock?: () => number }) {
    this.responses = new NearCache({
      maxBytes: options.maxBytes,
      maxAgeMs: options.maxAgeMs,
      clock: options.clock,
    });
  }

  key(scope: CallerScope, body: string): string {
    return wholeResponseKey(scope, body);
  }

  get(key: string): string | undefined {
    return this.responses.get(key)?.value as string | undefined;
  }

  /** Offers a finished response; kept only if the reads behind it allow (see class doc). */
  offer(key: string, startedAt: number, reads: ReadCollector, response: string): void {
    const now = this.now();
    const reusableMs = reads.reusableForMs(now);
    if (reusableMs <= 0 || hasErrors(response)) return;
    for (const tag of reads.tags) {
      if ((this.invalidatedAt.get(tag) ?? 0) >= startedAt) return;
    }
    this.responses.set(key, response, now, [...reads.tags], response.length, reusableMs);
  }

  invalidateTags(tags: readonly string[]): void {
    const now = this.now();
    for (const tag of tags) this.invalidatedAt.set(tag, now);
    this.responses.invalidateTags(tags);
    this.forgetOldInvalidations(now);
  }

  clear(): void {
    this.responses.clear();
    this.invalidatedAt.clear();
  }

  /** Only invalidations newer than the longest request matter; keep the map small. */
  private forgetOldInvalidations(now: number): void {
    if (this.invalidatedAt.size < 10_000) return;
    for (const [tag, at] of this.invalidatedAt) if (now - at > 60_000) this.invalidatedAt.delete(tag);
  }

  private now(): number {
    return (this.options.clock ?? Date.now)();
  }
}

/** Apollo serialises `errors` as a top-level key; only error-free responses are reused. */
function hasErrors(response: string): boolean {
  try {
    return 'errors' in (JSON.parse(response) as object);
  } catch {
    return true;
  }
}
