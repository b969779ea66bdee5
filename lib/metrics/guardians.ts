// Who was an active guardian when. A membership counts on a day when
// active_on ≤ day and (left_on is null or left_on ≥ day); days are UTC dates.
export type ActiveInterval = { userId: number; teamId: number; activeOn: Date; leftOn: Date | null };

const dayKey = (d: Date) => d.toISOString().slice(0, 10);

export function isActiveOn(interval: Pick<ActiveInterval, "activeOn" | "leftOn">, day: Date): boolean {
  const d = dayKey(day);
  return dayKey(interval.activeOn) <= d && (interval.leftOn === null || dayKey(interval.leftOn) >= d);
}

/** People with a membership active on `day` (optionally only for one team). */
export function activeGuardiansOn(intervals: ActiveInterval[], day: Date, teamId?: number): Set<number> {
  return new Set(intervals.filter((i) => (teamId === undefined || i.teamId === teamId) && isActiveOn(i, day)).map((i) => i.userId));
}

/** The last day of a half-open [start, end) period. */
export function lastDay(end: Date): Date {
  return new Date(end.getTime() - 86_400_000);
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
export function overlaps(interval: Pick<ActiveInterval, "activeOn" | "leftOn">, start: Date, end: Date): boolean {
  const first = dayKey(start);
  const last = dayKey(lastDay(end));
  return dayKey(interval.activeOn) <= last && (interval.leftOn === null || dayKey(interval.leftOn) >= first);
}

/** For each guardian, the months of the period in which they were active at least one day; summed. */
export function guardianMonths(intervals: ActiveInterval[], start: Date, end: Date): number {
  const byUser = new Map<number, ActiveInterval[]>();
  for (const i of intervals) {
    const list = byUser.get(i.userId);
    if (list) list.push(i);
    else byUser.set(i.userId, [i]);
  }
  let total = 0;
  for (const list of byUser.values()) {
    for (const month of monthsOf(start, end)) if (list.some((i) => overlaps(i, month.start, month.end))) total++;
  }
  return total;
}
