import { median, type Figure } from "./stats";

// "Where to act" lists only teams on the bad side of the teams' median: which side that is, is
// said here once per metric the dashboard ranks by team.
export type WorseSide = "higher" | "lower";
export type TeamMetric = {
  title: string;
  unit: string;
  digits: number;
  worse: WorseSide;
  /** The list's heading says which way is bad. */
  worseText: string;
};

export const TEAM_METRICS = {
  cycle: {
    title: "Mean review cycle time",
    unit: "days",
    digits: 1,
    worse: "higher",
    worseText: "slower than the median",
  },
  // More hours per review is more cost to the team (docs/metrics.md, metric 2).
  effort: {
    title: "Mean review effort",
    unit: "h",
    digits: 1,
    worse: "higher",
    worseText: "more hours than the median",
  },
  release: {
    title: "Mean time to release",
    unit: "days",
    digits: 1,
    worse: "higher",
    worseText: "slower than the median",
  },
  opened: {
    title: "Findings opened",
    unit: "",
    digits: 0,
    worse: "higher",
    worseText: "more than the median",
  },
  mitigate: {
    title: "Mean time to mitigate",
    unit: "days",
    digits: 1,
    worse: "higher",
    worseText: "slower than the median",
  },
  hours: {
    title: "Hours per guardian-month",
    unit: "h",
    digits: 2,
    worse: "lower",
    worseText: "below the median",
  },
  required: {
    title: "Required training complete",
    unit: "%",
    digits: 1,
    worse: "lower",
    worseText: "below the median",
  },
  "guardian-share": {
    title: "Threat models with a guardian author",
    unit: "%",
    digits: 1,
    worse: "lower",
    worseText: "below the median",
  },
  rating: {
    title: "Mean feedback rating",
    unit: "/5",
    digits: 2,
    worse: "lower",
    worseText: "below the median",
  },
} as const satisfies Record<string, TeamMetric>;
export type TeamMetricId = keyof typeof TEAM_METRICS;

export type WorseRow<T> = { item: T; value: number; distance: number; median: number };

/**
 * The `count` items furthest from the median of their values on its `worse` side, worst first;
 * an item at the median or on the good side is never listed. Items without a value are skipped
 * (median null: not enough data); ties keep their input order.
 */
export function worseThanMedian<T>(
  items: T[],
  value: (item: T) => Figure,
  worse: WorseSide,
  count = 5,
): { median: Figure; rows: WorseRow<T>[] } {
  const valued = items
    .map((item) => ({ item, value: value(item) }))
    .filter((v): v is { item: T; value: number } => v.value !== null);
  const mid = median(valued.map((v) => v.value));
  if (mid === null) return { median: null, rows: [] };
  const rows = valued
    .map((v) => ({
      ...v,
      distance: worse === "higher" ? v.value - mid : mid - v.value,
      median: mid,
    }))
    .filter((v) => v.distance > 0)
    .sort((a, b) => b.distance - a.distance)
    .slice(0, count);
  return { median: mid, rows };
}
