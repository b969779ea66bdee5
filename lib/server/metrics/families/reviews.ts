import "server-only";
import { reportDb } from "@/lib/db/client";
import type { MetricPeriod } from "@/lib/metrics/periods";
import { reviewMetricsFromGroups, type ReviewGroup } from "@/lib/metrics/reviews";
import {
  releaseMetricsFromGroups,
  type ReleaseGroup,
  type ReleaseMetrics,
} from "@/lib/metrics/releases";
import {
  guardianOfReviewTeam,
  releaseLink,
  reviewCompletedDay,
  teamCondition,
  type MetricScope,
} from "../scope";
import {
  num,
  periodsCte,
  perPeriod,
  span,
  teamDimension,
  type ByTeam,
  type PerTeam,
} from "./periods-sql";

type ReviewFigures = ReturnType<typeof reviewMetricsFromGroups>;

/**
 * Metrics 1 and 2 for every period: one grouped query (with / without a guardian, and all);
 * `byTeam`, the same per team of the scope.
 */
export function reviewFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
): Promise<Map<string, ReviewFigures>>;
export function reviewFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
  grouping: ByTeam,
): Promise<PerTeam<ReviewFigures>>;
export async function reviewFamily(scope: MetricScope, periods: MetricPeriod[], grouping?: ByTeam) {
  const { start, end } = span(periods);
  const team = teamDimension(grouping, `"teamId"`);
  const rows = await reportDb.$queryRaw<
    (Omit<ReviewGroup, "meanDays" | "medianDays" | "meanEffortQuarterHours"> & {
      key: string;
      teamId?: number;
      meanDays: unknown;
      medianDays: unknown;
      meanEffort: unknown;
    })[]
  >`
    WITH ${periodsCte(periods)},
    r AS MATERIALIZED (
      SELECT r.id, r."teamId", r."requestedAt", r."completedAt", r."effortQuarterHours"
      FROM "Review" r JOIN "Team" t ON t.id = r."teamId"
      WHERE r."completedAt" >= ${start} AND r."completedAt" < ${end} AND ${teamCondition(scope)}
    ),
    -- The reviews with a guardian, in one hash join over their participants (a per-review
    -- EXISTS costs a lookup per review).
    wg AS (
      SELECT DISTINCT p."reviewId" FROM r
      JOIN "ReviewParticipant" p ON p."reviewId" = r.id
      JOIN "GuardianMembership" g ON ${guardianOfReviewTeam(reviewCompletedDay)}
    ),
    facts AS (
      SELECT per.key, r."teamId", extract(epoch FROM r."completedAt" - r."requestedAt") / 86400 AS days,
        r."effortQuarterHours" AS effort, wg."reviewId" IS NOT NULL AS "withGuardian"
      FROM r LEFT JOIN wg ON wg."reviewId" = r.id
      JOIN per ON r."completedAt" >= per.s_at AND r."completedAt" < per.e_at
    )
    SELECT key${team.select}, "withGuardian", count(*)::int AS n, avg(days)::float8 AS "meanDays",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS "medianDays",
      avg(effort)::float8 AS "meanEffort"
    FROM facts GROUP BY GROUPING SETS ((key${team.group}, "withGuardian"), (key${team.group}))`;
  return perPeriod(
    periods,
    rows.map((r) => ({
      key: r.key,
      teamId: r.teamId,
      // GROUPING SETS leaves the split column null on the "all" rows.
      withGuardian: r.withGuardian,
      n: r.n,
      meanDays: num(r.meanDays),
      medianDays: num(r.medianDays),
      meanEffortQuarterHours: num(r.meanEffort),
    })),
    reviewMetricsFromGroups,
    grouping,
  );
}

/**
 * Metric 3 for every period (`byTeam`, per team too). A release's linked review is judged by the
 * review's own completed date, so a past quarter does not depend on today; a linked review never
 * completed is a group of its own.
 */
export function releaseFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
): Promise<Map<string, ReleaseMetrics>>;
export function releaseFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
  grouping: ByTeam,
): Promise<PerTeam<ReleaseMetrics>>;
export async function releaseFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
  grouping?: ByTeam,
) {
  const { startDay, endDay } = span(periods);
  const team = teamDimension(grouping, `"teamId"`);
  const rows = await reportDb.$queryRaw<
    {
      key: string;
      teamId?: number;
      link: ReleaseGroup["link"];
      n: number;
      meanDays: unknown;
      medianDays: unknown;
    }[]
  >`
    WITH ${periodsCte(periods)},
    rel AS (
      SELECT per.key, rel."teamId", (rel."releasedOn" - rel."startedOn")::float8 AS days,
        ${releaseLink} AS link
      FROM "Release" rel JOIN "Team" t ON t.id = rel."teamId"
      LEFT JOIN "Review" r ON r.id = rel."reviewId"
      JOIN per ON rel."releasedOn" >= per.s AND rel."releasedOn" < per.e
      WHERE rel."releasedOn" >= ${startDay}::date AND rel."releasedOn" < ${endDay}::date AND ${teamCondition(scope)}
    )
    SELECT key${team.select}, link, count(*)::int AS n, avg(days) AS "meanDays",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS "medianDays"
    FROM rel GROUP BY GROUPING SETS ((key${team.group}, link), (key${team.group}))`;
  return perPeriod(
    periods,
    rows.map((r) => ({
      key: r.key,
      teamId: r.teamId,
      link: r.link ?? "all",
      n: r.n,
      meanDays: num(r.meanDays),
      medianDays: num(r.medianDays),
    })),
    releaseMetricsFromGroups,
    grouping,
  );
}
