// Who was an active guardian when, by the rule of lib/active-guardian; days are UTC dates.
import { activeDays, isActiveBetween, isActiveOn } from "@/lib/active-guardian";
import { dayNumber } from "@/lib/period";

export type ActiveInterval = {
  userId: number;
  teamId: number;
  activeOn: Date;
  leftOn: Date | null;
};

const DAY_MS = 86_400_000;

/** People with a membership active on `day` (optionally only for one team). */
export function activeGuardiansOn(
  intervals: ActiveInterval[],
  day: Date,
  teamId?: number,
): Set<number> {
  return new Set(
    intervals
      .filter((i) => (teamId === undefined || i.teamId === teamId) && isActiveOn(i, day))
      .map((i) => i.userId),
  );
}

/** Answers "was this person an active guardian on that day?" in constant time per person. */
export class GuardianDays {
  private byUser = new Map<number, [number, number][]>();
  constructor(intervals: ActiveInterval[]) {
    for (const i of intervals) {
      const span = activeDays(i)!;
      const list = this.byUser.get(i.userId);
      if (list) list.push(span);
      else this.byUser.set(i.userId, [span]);
    }
  }
  activeOn(userId: number, day: Date): boolean {
    const d = dayNumber(day);
    return this.byUser.get(userId)?.some(([from, to]) => from <= d && to >= d) ?? false;
  }
  /** Whether the person was active at least one day in [from, to] (day numbers). */
  activeBetween(userId: number, from: number, to: number): boolean {
    return this.byUser.get(userId)?.some(([a, b]) => a <= to && b >= from) ?? false;
  }
  users(): number[] {
    return [...this.byUser.keys()];
  }
}

/** The last day of a half-open [start, end) period. */
export function lastDay(end: Date): Date {
  return new Date(end.getTime() - DAY_MS);
}

/** Calendar months (UTC) overlapping [start, end), as [monthStart, monthEndExclusive). */
export function monthsOf(start: Date, end: Date): { start: Date; end: Date }[] {
  const months = [];
  let cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  while (cursor < end) {
    const next = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1));
    months.push({ start: cursor < start ? start : cursor, end: next > end ? end : next });
    cursor = next;
  }
  return months;
}

/** Whether an interval covers at least one day of [start, end). */
export function overlaps(
  interval: Pick<ActiveInterval, "activeOn" | "leftOn">,
  start: Date,
  end: Date,
): boolean {
  return isActiveBetween(interval, start, lastDay(end));
}

/** For each guardian, the months of the period in which they were active at least one day; summed. */
export function guardianMonths(
  intervals: ActiveInterval[],
  start: Date,
  end: Date,
  days = new GuardianDays(intervals),
): number {
  const months = monthsOf(start, end).map(
    (m) => [dayNumber(m.start), dayNumber(lastDay(m.end))] as const,
  );
  let total = 0;
  for (const userId of days.users())
    for (const [from, to] of months) if (days.activeBetween(userId, from, to)) total++;
  return total;
}
