import type { Logger } from '../logging/logger.js';

/**
 * Turns a stream of per-command failures into one warning per outage and one "recovered" line when
 * the backend answers again.
 *
 * Why: during a Redis outage every request fails several cache commands; logging each would flood the
 * logs exactly when they are needed. The state is per reporter (per store or budget), not global.
 */
export class OutageReporter {
  private down = false;

  constructor(
    private readonly logger: Logger,
    /** What is degraded, e.g. "redis cache": appears in both log lines. */
    private readonly component: string,
    /** What happens meanwhile, e.g. "serving misses". */
    private readonly consequence: string,
  ) {}

  /** Records a failure; logs a warning only on the first failure of an outage. */
  failed(operation: string, err: unknown): void {
    if (this.down) return;
    this.down = true;
    this.logger.warn(
      { component: this.component, operation, err: describe(err) },
      `${this.component} unavailable: ${this.consequence} until it recovers`,
    );
  }

  /** Records a success; logs "recovered" only when it ends an outage. */
  succeeded(): void {
    if (!this.down) return;
    this.down = false;
    this.logger.info({ component: this.component }, `${this.component} recovered`);
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
