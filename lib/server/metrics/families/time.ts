import "server-only";
import { reportDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MetricPeriod } from "@/lib/metrics/periods";
import {
  securityTimeFromGroups,
  type HoursGroup,
  type SecurityTimeMetrics,
} from "@/lib/metrics/security-time";
import { isoDay } from "@/lib/period";
import { teamCondition, type MetricScope } from "../scope";
import {
  periodsCte,
  perPeriod,
  span,
  teamDimension,
  type ByTeam,
  type PerTeam,
} from "./periods-sql";

/**
 * Each person's active days as a guardian of the scope's teams, one multirange per person (per
 * person and team `byTeam`), by the rule of lib/active-guardian: from activeOn to leftOn inclusive.
 */
function guardianDays(scope: MetricScope, grouping?: ByTeam): Prisma.Sql {
  const team = teamDimension(grouping, `g."teamId"`);
  return Prisma.sql`gd AS MATERIALIZED (
    SELECT g."userId"${team.select}, range_agg(daterange(g."activeOn", g."leftOn", '[]')) AS days
    FROM "GuardianMembership" g JOIN "Team" t ON t.id = g."teamId"
    WHERE g."activeOn" IS NOT NULL AND ${teamCondition(scope)}
    GROUP BY g."userId"${team.group}
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

/**
 * Metric 5 for every period: hours by activity type, guardians' and builders', and guardian-months.
 * `byTeam`, per team of the scope: the hours its guardians logged on days they guarded it (an
 * entry of a person guarding two teams that day counts for both) over its guardian-months; a
 * team has no builders' hours of its own.
 */
export function timeFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
): Promise<Map<string, SecurityTimeMetrics>>;
export function timeFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
  grouping: ByTeam,
): Promise<PerTeam<SecurityTimeMetrics>>;
export async function timeFamily(scope: MetricScope, periods: MetricPeriod[], grouping?: ByTeam) {
  const { startDay, endDay } = span(periods);
  const months = periods.flatMap((p) => p.months.map((m) => ({ key: p.key, ...m })));
  const team = teamDimension(grouping, `gd."teamId"`);
  const monthTeam = teamDimension(grouping, `c."teamId"`);
  // By team, an entry joins each team its author guarded that day; otherwise whether they guarded any.
  const guardian = grouping?.byTeam
    ? Prisma.sql`JOIN gd ON gd."userId" = a."userId" AND gd.days @> a.date`
    : Prisma.sql`LEFT JOIN gd ON gd."userId" = a."userId"`;
  const [hours, guardianMonths] = await Promise.all([
    reportDb.$queryRaw<(HoursGroup & { key: string; teamId?: number })[]>`
      WITH ${periodsCte(periods)}, ${guardianDays(scope, grouping)}
      SELECT per.key, a.type::text AS type, coalesce(gd.days @> a.date, false) AS guardian,
        sum(a."quarterHours")::int AS "quarterHours"${team.select}
      FROM "ActivityEntry" a
      ${guardian}
      JOIN per ON a.date >= per.s AND a.date < per.e
      WHERE a."deletedAt" IS NULL AND a.date >= ${startDay}::date AND a.date < ${endDay}::date
        AND ${entryInScope(scope)}
      GROUP BY 1, 2, 3${team.group}`,
    // Guardian-months: each guardian counts each month of the period they were active in for
    // at least one day, weighted by the share of the month inside the period (1 for a whole month).
    // `GROUP BY ()` counts 0 for a month without guardians; by team, a team without is absent.
    reportDb.$queryRaw<{ key: string; teamId?: number; months: number }[]>`
      WITH ${guardianDays(scope, grouping)}
      SELECT m.key${monthTeam.select}, coalesce(sum(m.weight * c.n), 0)::float8 AS months
      FROM unnest(${months.map((m) => m.key)}::text[], ${months.map((m) => isoDay(m.start))}::date[],
        ${months.map((m) => isoDay(m.end))}::date[], ${months.map((m) => m.weight)}::float8[]) AS m(key, s, e, weight)
      CROSS JOIN LATERAL (
        SELECT count(*) AS n${team.select} FROM gd WHERE gd.days && daterange(m.s, m.e, '[)') GROUP BY ()${team.group}
      ) c
      GROUP BY m.key${monthTeam.group}`,
  ]);
  const cell = (key: string, teamId?: number) => `${key}|${teamId ?? ""}`;
  const monthsOf = new Map(guardianMonths.map((r) => [cell(r.key, r.teamId), r.months]));
  return perPeriod(
    periods,
    hours,
    (groups, key, teamId) => securityTimeFromGroups(groups, monthsOf.get(cell(key, teamId)) ?? 0),
    grouping,
    // A team whose guardians logged nothing has 0 hours over its guardian-months.
    guardianMonths.flatMap((r) =>
      r.teamId === undefined ? [] : [{ key: r.key, teamId: r.teamId }],
    ),
  );
}
