import "server-only";
import { reportDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MetricPeriod } from "@/lib/metrics/periods";
import { securityTimeFromGroups, type HoursGroup } from "@/lib/metrics/security-time";
import { isoDay } from "@/lib/period";
import { teamCondition, type MetricScope } from "../scope";
import { byPeriod, periodsCte, span } from "./periods-sql";

/**
 * Each person's active days as a guardian of the scope's teams, one multirange per person
 * (the rule of lib/active-guardian: from activeOn to leftOn inclusive).
 */
function guardianDays(scope: MetricScope): Prisma.Sql {
  return Prisma.sql`gd AS MATERIALIZED (
    SELECT g."userId", range_agg(daterange(g."activeOn", g."leftOn", '[]')) AS days
    FROM "GuardianMembership" g JOIN "Team" t ON t.id = g."teamId"
    WHERE g."activeOn" IS NOT NULL AND ${teamCondition(scope)}
    GROUP BY g."userId"
  )`;
}

/** Whose entries count for the scope: its teams' members and its guardians (everyone's for the program). */
function entryInScope(scope: MetricScope): Prisma.Sql {
  if (scope.orgIds === null && scope.teamId === null) return Prisma.sql`TRUE`;
  return Prisma.sql`(
    EXISTS (SELECT 1 FROM "User" u JOIN "Team" t ON t.id = u."teamId" WHERE u.id = a."userId" AND ${teamCondition(scope)})
    OR EXISTS (SELECT 1 FROM gd WHERE gd."userId" = a."userId")
  )`;
}

/** Metric 5 for every period: hours by activity type, guardians' and builders', and guardian-months. */
export async function timeFamily(scope: MetricScope, periods: MetricPeriod[]) {
  const { startDay, endDay } = span(periods);
  const months = periods.flatMap((p) => p.months.map((m) => ({ key: p.key, ...m })));
  const [hours, guardianMonths] = await Promise.all([
    reportDb.$queryRaw<(HoursGroup & { key: string })[]>`
      WITH ${periodsCte(periods)}, ${guardianDays(scope)}
      SELECT per.key, a.type::text AS type, coalesce(gd.days @> a.date, false) AS guardian,
        sum(a."quarterHours")::int AS "quarterHours"
      FROM "ActivityEntry" a
      LEFT JOIN gd ON gd."userId" = a."userId"
      JOIN per ON a.date >= per.s AND a.date < per.e
      WHERE a."deletedAt" IS NULL AND a.date >= ${startDay}::date AND a.date < ${endDay}::date
        AND ${entryInScope(scope)}
      GROUP BY 1, 2, 3`,
    // Guardian-months: each guardian counts each month of the period they were active in for
    // at least one day, weighted by the share of the month inside the period (1 for a whole month).
    reportDb.$queryRaw<{ key: string; months: number }[]>`
      WITH ${guardianDays(scope)}
      SELECT m.key, coalesce(sum(m.weight * (
        SELECT count(*) FROM gd WHERE gd.days && daterange(m.s, m.e, '[)')
      )), 0)::float8 AS months
      FROM unnest(${months.map((m) => m.key)}::text[], ${months.map((m) => isoDay(m.start))}::date[],
        ${months.map((m) => isoDay(m.end))}::date[], ${months.map((m) => m.weight)}::float8[]) AS m(key, s, e, weight)
      GROUP BY m.key`,
  ]);
  const monthsByKey = new Map(guardianMonths.map((r) => [r.key, r.months]));
  return new Map(
    [...byPeriod(periods, hours)].map(([key, groups]) => [
      key,
      securityTimeFromGroups(groups, monthsByKey.get(key) ?? 0),
    ]),
  );
}
