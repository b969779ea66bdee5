import { percent, type Figure, type Summary } from "./stats";

// The reviews family's fast-tracked group (docs/metrics.md, "Fast-tracked reviews"): reviews
// completed in the period through the fast track (a failed spot check sent them back, so they
// are not), their cycle time, and the spot checks recorded in the period.
export type FastTrackMetrics = {
  /** Completed in the period through the fast track: n, mean and median cycle time in days. */
  cycle: Summary;
  /** Spot checks recorded in the period, and how many passed. */
  spotChecks: number;
  spotChecksPassed: number;
  /** Passed ÷ recorded × 100; "not enough data" without a spot check. */
  passRatePct: Figure;
};

/** The group's figures from the database's aggregates. */
export function fastTrackMetricsFrom(
  cycle: { n: number; meanDays: Figure; medianDays: Figure } | undefined,
  checks: { n: number; passed: number } | undefined,
): FastTrackMetrics {
  const n = cycle?.n ?? 0;
  const spotChecks = checks?.n ?? 0;
  const spotChecksPassed = checks?.passed ?? 0;
  return {
    cycle:
      n > 0
        ? { n, mean: cycle!.meanDays, median: cycle!.medianDays }
        : { n: 0, mean: null, median: null },
    spotChecks,
    spotChecksPassed,
    passRatePct: percent(spotChecksPassed, spotChecks),
  };
}
