import type { Figure } from "./stats";

/** Decimals of every value in the metrics CSVs: enough to check a figure by hand. */
const CSV_DECIMALS = 4;

/**
 * A figure as a metrics CSV writes it: blank for "not enough data", a count (whole and declared
 * with no decimals) as an integer, anything else with four decimals. A budget of 0 with points
 * over it gives an infinite use, which no number can say: blank too.
 */
export function csvNumber(value: Figure, count = false): string {
  if (value === null || !Number.isFinite(value)) return "";
  return count && Number.isInteger(value) ? String(value) : value.toFixed(CSV_DECIMALS);
}
