// Pure rules of hour logging, shared by the service and its tests.
import { addHours } from "date-fns";
import { toHours } from "@/lib/hours";
import { isoDay } from "@/lib/period";

export const MAX_DAY_QUARTER_HOURS = 96;

/** The latest date anyone may log: "today" in the earliest time zone (UTC+14). */
export function latestLoggableDate(now: Date): string {
  return isoDay(addHours(now, 14));
}

export function dayTotalProblem(
  existingQuarterHours: number,
  addedQuarterHours: number,
): string | null {
  const total = existingQuarterHours + addedQuarterHours;
  if (total <= MAX_DAY_QUARTER_HOURS) return null;
  const left = toHours(Math.max(0, MAX_DAY_QUARTER_HOURS - existingQuarterHours));
  return `That day would total ${toHours(total)} h; at most 24 h a day can be logged (${left} h left for that day).`;
}
