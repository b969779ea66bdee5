import { toHours } from "@/lib/hours";
import { GuardianDays, guardianMonths, type ActiveInterval } from "./guardians";
import { ratio, type Figure } from "./stats";

// Metric 5: time on security work.
export type ActivityFact = { userId: number; date: Date; quarterHours: number; type: string };

export type SecurityTimeMetrics = {
  guardianHours: number;
  builderHours: number;
  guardianMonths: number;
  hoursPerGuardianMonth: Figure;
  guardianHoursByType: Record<string, number>;
  builderHoursByType: Record<string, number>;
};

/**
 * `activities` are the entries dated in [start, end); `intervals` every guardian membership that
 * was ever active.
 */
export function securityTimeMetrics(
  activities: ActivityFact[],
  intervals: ActiveInterval[],
  start: Date,
  end: Date,
): SecurityTimeMetrics {
  const days = new GuardianDays(intervals);
  let guardianQh = 0;
  let builderQh = 0;
  const guardianByType: Record<string, number> = {};
  const builderByType: Record<string, number> = {};
  for (const a of activities) {
    if (days.activeOn(a.userId, a.date)) {
      guardianQh += a.quarterHours;
      guardianByType[a.type] = (guardianByType[a.type] ?? 0) + toHours(a.quarterHours);
    } else {
      builderQh += a.quarterHours;
      builderByType[a.type] = (builderByType[a.type] ?? 0) + toHours(a.quarterHours);
    }
  }
  const months = guardianMonths(intervals, start, end, days);
  return {
    guardianHours: toHours(guardianQh),
    builderHours: toHours(builderQh),
    guardianMonths: months,
    hoursPerGuardianMonth: ratio(toHours(guardianQh), months),
    guardianHoursByType: guardianByType,
    builderHoursByType: builderByType,
  };
}

/** Hours of one activity type in a period, by guardians (on their active days) or not. */
export type HoursGroup = { type: string; guardian: boolean; quarterHours: number };

/** Metric 5 from the database's aggregates; `guardianMonths` may be fractional (the current month). */
export function securityTimeFromGroups(
  groups: HoursGroup[],
  guardianMonths: number,
): SecurityTimeMetrics {
  const guardianByType: Record<string, number> = {};
  const builderByType: Record<string, number> = {};
  let guardianQh = 0;
  let builderQh = 0;
  for (const g of groups) {
    const byType = g.guardian ? guardianByType : builderByType;
    byType[g.type] = (byType[g.type] ?? 0) + toHours(g.quarterHours);
    if (g.guardian) guardianQh += g.quarterHours;
    else builderQh += g.quarterHours;
  }
  return {
    guardianHours: toHours(guardianQh),
    builderHours: toHours(builderQh),
    guardianMonths,
    hoursPerGuardianMonth: ratio(toHours(guardianQh), guardianMonths),
    guardianHoursByType: guardianByType,
    builderHoursByType: builderByType,
  };
}
