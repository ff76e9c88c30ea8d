/**
 * Label values for metrics and span names that stay bounded whatever clients send or the upstream
 * paths contain: Prometheus keeps one series per distinct label set, forever.
 */

/**
 * The route template of an upstream path: every segment that holds a digit (ids, dates, UUIDs)
 * becomes `:id`, and the query string is dropped. `/members/110` → `/members/:id`,
 * `/projects/7/tasks?page=2` → `/projects/:id/tasks`.
 */
export function routeTemplate(path: string): string {
  const bare = path.split(/[?#]/, 1)[0]!;
  const segments = bare
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (/\d/.test(segment) || segment.length > 40 ? ':id' : segment));
  return `/${segments.join('/')}`;
}

/**
 * Remembers at most `max` distinct values; later new ones become `overflow`. Values are cut to
 * `maxLength` characters. Used for operation names, which clients choose freely.
 */
export class BoundedLabels {
  private readonly seen = new Set<string>();

  constructor(
    private readonly max: number,
    private readonly overflow = '(other)',
    private readonly maxLength = 64,
  ) {}

  get(value: string): string {
    const cut = value.length > this.maxLength ? value.slice(0, this.maxLength) : value;
    if (this.seen.has(cut)) return cut;
    if (this.seen.size >= this.max) return this.overflow;
    this.seen.add(cut);
    return cut;
  }
}
