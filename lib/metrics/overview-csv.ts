// The overview's figures over time: what its cards and charts show, as the overview's CSV.
import { headlineSeries } from "./headlines";
import type { QuarterMetricsLike } from "./quarter-types";
import { buildSeries, familyById, seriesCsv, type CsvPoint, type SeriesData } from "./series";

const OVER_BUDGET_METRIC = "Teams over their risk budget";

/** The overview's two charts: review cycle time with and without a guardian; active and new guardians. */
export function overviewCharts(metrics: QuarterMetricsLike[]) {
  return {
    cycle: buildSeries(familyById("reviews")!, metrics).filter((s) =>
      s.id.startsWith("cycle-mean"),
    ),
    people: buildSeries(familyById("people")!, metrics).filter(
      (s) => s.id === "active" || s.id === "new",
    ),
  };
}

/** Every headline figure, then every charted series a headline does not already give. */
export function overviewSeries(metrics: QuarterMetricsLike[]): SeriesData[] {
  const headlines = headlineSeries(metrics);
  const { cycle, people } = overviewCharts(metrics);
  const named = new Set(headlines.map((s) => s.label));
  return [...headlines, ...[...cycle, ...people].filter((s) => !named.has(s.label))];
}

/**
 * The overview as CSV, in the families' columns (metric, filter, quarter, value, unit), with
 * the number of teams over their risk budget at each quarter's end after the series.
 */
export function overviewCsv(
  metrics: QuarterMetricsLike[],
  filterLabel: string,
  overBudget: { quarter: string; value: number }[],
): string {
  const risk: CsvPoint[] = overBudget.map((p) => ({
    metric: OVER_BUDGET_METRIC,
    quarter: p.quarter,
    value: p.value,
    digits: 0,
    unit: "teams",
  }));
  return seriesCsv(overviewSeries(metrics), filterLabel, risk);
}
