// The periods the metrics are computed over (docs/metrics.md, "The current period"): calendar
// quarters in UTC, where the quarter that contains today ends today ("to date"), and the
// same-days window of the quarter before, which the current quarter is compared with.
import {
  addQuarters,
  addUtcDays,
  dayNumber,
  quarterKey,
  quarterOf,
  quarterRange,
  startOfUtcDay,
  type Quarter,
} from "@/lib/period";

export type MetricPeriod = {
  /** "2026-Q4", or "2026-Q3:67d" for the first 67 days of Q3 (a same-days comparison). */
  key: string;
  /** The quarter the period lies in, "2026-Q4". */
  quarter: string;
  /** [start, end): UTC midnights; `end` is the day after the period's last day. */
  start: Date;
  end: Date;
  /** The period stops before its quarter's end: the current quarter, or a same-days window. */
  toDate: boolean;
  /** Days in the period. */
  days: number;
  /**
   * The calendar months the period overlaps, each weighted by the share of its days inside
   * the period: 1 for a whole month, 6/31 six days into December.
   */
  months: { start: Date; end: Date; weight: number }[];
};

function monthsOf(start: Date, end: Date): MetricPeriod["months"] {
  const months: MetricPeriod["months"] = [];
  let cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  while (cursor < end) {
    const next = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1));
    const from = cursor < start ? start : cursor;
    const to = next > end ? end : next;
    const inMonth = dayNumber(next) - dayNumber(cursor);
    months.push({ start: from, end: to, weight: (dayNumber(to) - dayNumber(from)) / inMonth });
    cursor = next;
  }
  return months;
}

function period(quarter: Quarter, start: Date, end: Date, key: string): MetricPeriod {
  const full = quarterRange(quarter);
  return {
    key,
    quarter: quarterKey(quarter),
    start,
    end,
    toDate: end < full.end,
    days: dayNumber(end) - dayNumber(start),
    months: monthsOf(start, end),
  };
}

/** A quarter as a metrics period: whole when it has ended, up to and including today when current. */
export function quarterPeriod(quarter: Quarter, today: Date = new Date()): MetricPeriod {
  const { start, end } = quarterRange(quarter);
  const tomorrow = addUtcDays(startOfUtcDay(today), 1);
  const stop = end > tomorrow && start < tomorrow ? tomorrow : end;
  return period(quarter, start, stop, quarterKey(quarter));
}

/**
 * What a period is compared with: the quarter before, whole, or, when the period is to date,
 * the same number of days from that quarter's start (at most all of it).
 */
export function previousPeriod(p: MetricPeriod, today: Date = new Date()): MetricPeriod {
  const quarter = addQuarters(quarterOf(p.start), -1);
  if (!p.toDate) return quarterPeriod(quarter, today);
  const { start, end } = quarterRange(quarter);
  const stop = addUtcDays(start, p.days);
  return stop >= end
    ? quarterPeriod(quarter, today)
    : period(quarter, start, stop, `${quarterKey(quarter)}:${p.days}d`);
}

/** The last day of the period (the day "at the period's end" figures are taken on). */
export const lastDayOf = (p: MetricPeriod) => addUtcDays(p.end, -1);
