/**
 * Counts every WebWork API request received, by route template in the docs' spelling
 * (`GET /members/{memberId}`), for tests and benchmarks that assert upstream call counts.
 */
export class RequestStats {
  private total = 0;
  private byRoute = new Map<string, number>();

  record(method: string, routeTemplate: string): void {
    const key = `${method} ${routeTemplate}`;
    this.total += 1;
    this.byRoute.set(key, (this.byRoute.get(key) ?? 0) + 1);
  }

  snapshot(): { total: number; byRoute: Record<string, number> } {
    return { total: this.total, byRoute: Object.fromEntries(this.byRoute) };
  }

  reset(): void {
    this.total = 0;
    this.byRoute = new Map();
  }
}

/** `/api/v2/members/:memberId` → `/members/{memberId}` */
export const docsTemplate = (fastifyUrl: string, prefix: string) =>
  fastifyUrl.slice(prefix.length).replace(/:([A-Za-z_]+)/g, '{$1}') || '/';
