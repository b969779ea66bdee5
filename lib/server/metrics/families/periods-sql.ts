import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { isoDay } from "@/lib/period";
import type { MetricPeriod } from "@/lib/metrics/periods";

// The periods of one computation as a CTE `per` (key, s, e, last, s_at, e_at): dates for the date
// columns, UTC instants for the timestamp ones. Every family's query groups its rows by `per.key`,
// so one query answers every quarter of the range.
export function periodsCte(periods: MetricPeriod[]): Prisma.Sql {
  const keys = periods.map((p) => p.key);
  const starts = periods.map((p) => isoDay(p.start));
  const ends = periods.map((p) => isoDay(p.end));
  const startsAt = periods.map((p) => p.start.toISOString());
  const endsAt = periods.map((p) => p.end.toISOString());
  return Prisma.sql`per AS (
    SELECT key, s, e, (e - 1) AS last, s_at, e_at
    FROM unnest(${keys}::text[], ${starts}::date[], ${ends}::date[], ${startsAt}::timestamptz[], ${endsAt}::timestamptz[])
      AS x(key, s, e, s_at, e_at)
  )`;
}

/** The whole span of the periods, to bound index scans before the join on `per`. */
export function span(periods: MetricPeriod[]) {
  const start = new Date(Math.min(...periods.map((p) => p.start.getTime())));
  const end = new Date(Math.max(...periods.map((p) => p.end.getTime())));
  return { start, end, startDay: isoDay(start), endDay: isoDay(end) };
}

/** Rows of a grouped query, one list per period key (every key present). */
export function byPeriod<T extends { key: string }>(
  periods: MetricPeriod[],
  rows: T[],
): Map<string, T[]> {
  const map = new Map<string, T[]>(periods.map((p) => [p.key, []]));
  for (const row of rows) map.get(row.key)?.push(row);
  return map;
}

/** A float from PostgreSQL (numeric arrives as a string or Decimal), null kept. */
export const num = (v: unknown): number | null =>
  v === null || v === undefined ? null : Number(v);
