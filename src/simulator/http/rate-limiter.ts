/**
 * Per-token request budget (REFERENCE §6 / GAPS G5: 60 requests per minute per user; header names
 * and 429 behaviour inferred). A window opens at a token's first request and lasts `windowMs`;
 * past `limit` requests in it, calls get 429 with `Retry-After` = whole seconds until it closes.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { openedAt: number; count: number }>();

  constructor(
    public limit: number,
    private readonly windowMs: number,
  ) {}

  get enabled(): boolean {
    return this.limit > 0;
  }

  hit(token: string, now = Date.now()): { allowed: boolean; remaining: number; retryAfterSeconds: number } {
    let window = this.windows.get(token);
    if (!window || now - window.openedAt >= this.windowMs) {
      window = { openedAt: now, count: 0 };
      this.windows.set(token, window);
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((window.openedAt + this.windowMs - now) / 1000));
    if (window.count >= this.limit) return { allowed: false, remaining: 0, retryAfterSeconds };
    window.count += 1;
    return { allowed: true, remaining: this.limit - window.count, retryAfterSeconds };
  }

  reset(): void {
    this.windows.clear();
  }
}
