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

/**
 * A family's query grouped by team too: the same figures per period and per team of the scope
 * (the dashboards' "where to act" lists), from the same SQL as the program's figures.
 */
export type ByTeam = { byTeam: true };
/** Figures by period key, then by team id. */
export type PerTeam<T> = Map<string, Map<number, T>>;

/**
 * The team dimension of a family's query: `, <expr> AS "teamId"` to select and `, <expr>` to
 * group by when grouped by team, nothing otherwise. `expr` is a column of the query's own text.
 */
export function teamDimension(grouping: ByTeam | undefined, expr: string) {
  if (!grouping?.byTeam) return { select: Prisma.empty, group: Prisma.empty };
  return { select: Prisma.raw(`, ${expr} AS "teamId"`), group: Prisma.raw(`, ${expr}`) };
}

/**
 * A family's figures from its grouped rows: one per period or, grouped by team, one per period
 * and team with rows (rows without a team, a period's empty row, are none). `teams` adds teams
 * with a figure but no rows (a team whose guardians logged no hours).
 */
export function perPeriod<R extends { key: string; teamId?: number | null }, T>(
  periods: MetricPeriod[],
  rows: R[],
  figures: (groups: R[], key: string, teamId?: number) => T,
  grouping?: ByTeam,
  teams: { key: string; teamId: number }[] = [],
): Map<string, T> | PerTeam<T> {
  const groups = byPeriod(periods, rows);
  if (!grouping?.byTeam)
    return new Map([...groups].map(([key, list]) => [key, figures(list, key)]));
  const cells = new Map(periods.map((p) => [p.key, new Map<number, R[]>()]));
  for (const t of teams) if (!cells.get(t.key)?.has(t.teamId)) cells.get(t.key)?.set(t.teamId, []);
  for (const row of rows) {
    if (row.teamId === null || row.teamId === undefined) continue;
    const byTeam = cells.get(row.key);
    if (!byTeam) continue;
    const list = byTeam.get(row.teamId);
    if (list) list.push(row);
    else byTeam.set(row.teamId, [row]);
  }
  return new Map(
    [...cells].map(([key, byTeam]) => [
      key,
      new Map([...byTeam].map(([teamId, list]) => [teamId, figures(list, key, teamId)])),
    ]),
  );
}
