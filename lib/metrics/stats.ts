// Small statistics where "no data" is null, never 0 or NaN (docs/metrics.md: "not enough data").
export type Figure = number | null;

export const DAY_MS = 86_400_000;

export function mean(values: number[]): Figure {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function median(values: number[]): Figure {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** part / whole × 100, or null when the whole is empty. */
export function percent(part: number, whole: number): Figure {
  return whole > 0 ? (part / whole) * 100 : null;
}

export function ratio(numerator: number, denominator: number): Figure {
  return denominator > 0 ? numerator / denominator : null;
}

/** Fractional days between two instants. */
export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}

/** (base − other) / base × 100: how much lower `other` is than `base`. */
export function reductionPct(base: Figure, other: Figure): Figure {
  if (base === null || other === null || base === 0) return null;
  return ((base - other) / base) * 100;
}

export function formatFigure(value: Figure, digits = 1, unit = ""): string {
  if (value === null) return "not enough data";
  return `${value.toFixed(digits)}${unit}`;
}

export type Summary = { n: number; mean: Figure; median: Figure };

export function summarise(values: number[]): Summary {
  return { n: values.length, mean: mean(values), median: median(values) };
}
