// What a chart's value axis says, from the unit of its series (lib/metrics/series.ts): a count
// has no unit of its own, so it is named.
const AXIS_LABELS: Record<string, string> = {
  "": "count",
  h: "hours (h)",
  "%": "percent (%)",
  "/5": "rating (/5)",
};

export function axisLabel(unit: string, axis?: string): string {
  return axis ?? AXIS_LABELS[unit] ?? unit;
}
