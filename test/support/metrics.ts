/** One scrape of a Prometheus text exposition, parsed into series. */
export interface Scrape {
  text: string;
  series: { name: string; labels: Record<string, string>; value: number }[];
  /** Sum of the series named `name` whose labels include `labels`. */
  value(name: string, labels?: Record<string, string>): number;
  /** Label values of `label` over the series named `name`. */
  labelValues(name: string, label: string): string[];
}

export async function scrape(gatewayUrl: string): Promise<Scrape> {
  const response = await fetch(`${gatewayUrl}/metrics`);
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  const text = await response.text();
  const series = text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`unparsable metrics line: ${line}`);
      const labels: Record<string, string> = {};
      for (const pair of match[2]?.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g) ?? []) {
        labels[pair[1]!] = pair[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
      }
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
  return {
    text,
    series,
    value: (name, labels = {}) =>
      series
        .filter(
          (s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value),
        )
        .reduce((sum, s) => sum + s.value, 0),
    labelValues: (name, label) => [
      ...new Set(series.filter((s) => s.name === name).map((s) => s.labels[label]!)),
    ],
  };
}

/** How much each series moved between two scrapes (only counters and histogram counts make sense). */
export function delta(before: Scrape, after: Scrape, name: string, labels: Record<string, string> = {}) {
  return after.value(name, labels) - before.value(name, labels);
}
