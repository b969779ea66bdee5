// Pure rules of hour logging, shared by the service and its tests.
export const MAX_DAY_QUARTER_HOURS = 96;

/** The latest date anyone may log: "today" in the earliest time zone (UTC+14). */
export function latestLoggableDate(now: Date): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

export function dayTotalProblem(
  existingQuarterHours: number,
  addedQuarterHours: number,
): string | null {
  const total = existingQuarterHours + addedQuarterHours;
  if (total <= MAX_DAY_QUARTER_HOURS) return null;
  const left = Math.max(0, MAX_DAY_QUARTER_HOURS - existingQuarterHours) / 4;
  return `That day would total ${total / 4} h; at most 24 h a day can be logged (${left} h left for that day).`;
}
