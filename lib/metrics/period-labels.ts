import { parseQuarterKey, quarterLabel } from "@/lib/period";

// How a metrics period is named wherever it appears: the current quarter is "to date".
type Labelled = { quarter: string; toDate: boolean; days: number };

/** "Q4 2026 (to date)" for the current quarter, "Q3 2026" for one that has ended. */
export function periodLabel(p: Labelled): string {
  const label = quarterLabel(parseQuarterKey(p.quarter)!);
  return p.toDate ? `${label} (to date)` : label;
}

/** "the first 67 days of Q3 2026" for a same-days comparison, else the quarter's label. */
export function comparisonLabel(p: Labelled): string {
  const label = quarterLabel(parseQuarterKey(p.quarter)!);
  return p.toDate ? `the first ${p.days} days of ${label}` : label;
}

/** A quarter key on a chart or in a table: "2026-Q4 (to date)" when `toDate`. */
export const quarterPointLabel = (quarter: string, toDate: boolean) =>
  toDate ? `${quarter} (to date)` : quarter;
