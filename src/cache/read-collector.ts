/**
 * What one GraphQL request read from the cache: the tags of every entry and how long the least
 * fresh of them stays fresh. A whole response built only from cached reads can itself be reused
 * for that long, and must go when any of those tags is invalidated. Any upstream write in the
 * request makes its response unreusable.
 */
export class ReadCollector {
  readonly tags = new Set<string>();
  /** Epoch ms until which every read was fresh; -Infinity once something stale was served. */
  freshUntil = Number.POSITIVE_INFINITY;
  reads = 0;
  wrote = false;

  record(tags: readonly string[], freshUntil: number): void {
    this.reads += 1;
    for (const tag of tags) this.tags.add(tag);
    if (freshUntil < this.freshUntil) this.freshUntil = freshUntil;
  }

  markWrite(): void {
    this.wrote = true;
  }

  /** Milliseconds the response stays reusable from `now`; 0 = do not reuse. */
  reusableForMs(now: number): number {
    if (this.wrote || this.reads === 0 || !Number.isFinite(this.freshUntil)) return 0;
    return Math.max(0, this.freshUntil - now);
  }
}
