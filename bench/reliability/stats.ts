/** Small statistics for the scenarios' figures. */

export const percentile = (values: readonly number[], p: number): number => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};

export const max = (values: readonly number[]): number => (values.length ? Math.max(...values) : NaN);

/** Least-squares slope of `ys` over `xs` (units of y per unit of x); NaN with fewer than 2 points. */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return NaN;
  const mx = xs.slice(0, n).reduce((a, b) => a + b, 0) / n;
  const my = ys.slice(0, n).reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}

export const mb = (bytes: number) => bytes / 1024 / 1024;

/** A number for a table: fixed decimals, or `n/a`. */
export const fmt = (value: number, decimals = 0): string =>
  Number.isFinite(value) ? value.toFixed(decimals) : 'n/a';
