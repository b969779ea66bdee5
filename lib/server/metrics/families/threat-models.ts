import "server-only";
import { reportDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { activeOnDay } from "@/lib/active-guardian/sql";
import type { MetricPeriod } from "@/lib/metrics/periods";
import { percent, type Summary } from "@/lib/metrics/stats";
import type { ThreatModelMetrics } from "@/lib/metrics/threat-models";
import { reviewCompletedDay, teamCondition, type MetricScope } from "../scope";
import {
  num,
  periodsCte,
  perPeriod,
  span,
  teamDimension,
  type ByTeam,
  type PerTeam,
} from "./periods-sql";

/**
 * docs/metrics.md's guardian author, as a condition on threat model `tm`: an author who was an
 * active guardian of the model's own team on its approval day (the rule the threat-model page uses).
 */
export const guardianAuthored = Prisma.sql`EXISTS (
  SELECT 1 FROM "ThreatModelAuthor" a
  JOIN "GuardianMembership" g ON g."userId" = a."userId" AND g."teamId" = tm."teamId"
  WHERE a."threatModelId" = tm.id AND ${activeOnDay(Prisma.sql`tm."approvedOn"`)}
)`;

/** Metric 7 for every period (`byTeam`, per team of the scope too). */
export function threatModelFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
): Promise<Map<string, ThreatModelMetrics>>;
export function threatModelFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
  grouping: ByTeam,
): Promise<PerTeam<ThreatModelMetrics>>;
export async function threatModelFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
  grouping?: ByTeam,
) {
  const { startDay, endDay } = span(periods);
  const team = teamDimension(grouping, `tm."teamId"`);
  const rows = await reportDb.$queryRaw<
    {
      key: string;
      teamId?: number | null;
      approved: number;
      guardianAuthored: number;
      threats: number;
      documented: number;
    }[]
  >`
    WITH ${periodsCte(periods)},
    tm AS (
      SELECT per.key, tm."teamId", ${guardianAuthored} AS "guardianAuthored",
        (SELECT count(*) FROM "Threat" th WHERE th."threatModelId" = tm.id) AS threats,
        (SELECT count(*) FROM "Threat" th WHERE th."threatModelId" = tm.id AND th."mitigationStatus" <> 'NONE') AS documented
      FROM "ThreatModel" tm JOIN "Team" t ON t.id = tm."teamId"
      JOIN per ON tm."approvedOn" >= per.s AND tm."approvedOn" < per.e
      WHERE tm.status = 'APPROVED' AND tm."approvedOn" >= ${startDay}::date AND tm."approvedOn" < ${endDay}::date
        AND ${teamCondition(scope)}
    )
    SELECT per.key${team.select}, count(tm.key)::int AS approved,
      (count(*) FILTER (WHERE tm."guardianAuthored"))::int AS "guardianAuthored",
      coalesce(sum(tm.threats), 0)::int AS threats, coalesce(sum(tm.documented), 0)::int AS documented
    FROM per LEFT JOIN tm ON tm.key = per.key GROUP BY per.key${team.group}`;
  // One row per period (per period and team).
  return perPeriod(
    periods,
    rows,
    ([r]): ThreatModelMetrics => ({
      approved: r.approved,
      guardianAuthoredPct: percent(r.guardianAuthored, r.approved),
      threats: r.threats,
      documentedPct: percent(r.documented, r.threats),
    }),
    grouping,
  );
}

/**
 * Metric 9's ratings for every period (`byTeam`, per team of the rated work too): dated by the
 * review's completion or the model's approval.
 */
export function feedbackFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
): Promise<Map<string, Summary>>;
export function feedbackFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
  grouping: ByTeam,
): Promise<PerTeam<Summary>>;
export async function feedbackFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
  grouping?: ByTeam,
) {
  const { start, end, startDay, endDay } = span(periods);
  const team = teamDimension(grouping, `rated.id`);
  const rows = await reportDb.$queryRaw<
    { key: string; teamId?: number | null; n: number; mean: unknown; median: unknown }[]
  >`
    WITH ${periodsCte(periods)},
    rated AS (
      SELECT f.rating, coalesce(${reviewCompletedDay}, tm."approvedOn") AS day, t.id
      FROM "Feedback" f
      LEFT JOIN "Review" r ON r.id = f."reviewId"
      LEFT JOIN "ThreatModel" tm ON tm.id = f."threatModelId"
      JOIN "Team" t ON t.id = COALESCE(r."teamId", tm."teamId")
      WHERE ((r."completedAt" >= ${start} AND r."completedAt" < ${end})
          OR (tm."approvedOn" >= ${startDay}::date AND tm."approvedOn" < ${endDay}::date))
        AND ${teamCondition(scope)}
    )
    SELECT per.key${team.select}, count(rated.rating)::int AS n, avg(rated.rating)::float8 AS mean,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY rated.rating) AS median
    FROM per LEFT JOIN rated ON rated.day >= per.s AND rated.day < per.e
    GROUP BY per.key${team.group}`;
  // One row per period (per period and team).
  return perPeriod(
    periods,
    rows,
    ([r]): Summary =>
      r.n > 0
        ? { n: r.n, mean: num(r.mean), median: num(r.median) }
        : { n: 0, mean: null, median: null },
    grouping,
  );
}
