import { median, type Figure } from "./stats";

export type Direction = "up" | "down" | "flat" | "not enough data";

/**
 * Direction of the last four points: the least-squares slope relative to their mean; changes
 * under `tolerancePct` of the mean per step count as flat. Needs at least two figures.
 */
export function trendDirection(series: Figure[], tolerancePct = 2): Direction {
  const points = series
    .slice(-4)
    .map((y, x) => ({ x, y }))
    .filter((p): p is { x: number; y: number } => p.y !== null);
  if (points.length < 2) return "not enough data";
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  const slope =
    points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) /
    points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const scale = Math.abs(my) || 1;
  if ((Math.abs(slope) / scale) * 100 < tolerancePct) return "flat";
  return slope > 0 ? "up" : "down";
}

/**
 * The `count` items furthest from the median of their values (items without a value are skipped;
 * ties keep their input order).
 */
export function outliers<T>(
  items: T[],
  value: (item: T) => Figure,
  count = 5,
): { item: T; value: number; distance: number; median: number }[] {
  const valued = items
    .map((item) => ({ item, value: value(item) }))
    .filter((v): v is { item: T; value: number } => v.value !== null);
  const mid = median(valued.map((v) => v.value));
  if (mid === null) return [];
  return valued
    .map((v) => ({ ...v, distance: Math.abs(v.value - mid), median: mid }))
    .sort((a, b) => b.distance - a.distance)
    .slice(0, count);
}
