import type { Figure } from "./stats";

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
