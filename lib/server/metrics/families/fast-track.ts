import "server-only";
import { reportDb } from "@/lib/db/client";
import { fastTrackMetricsFrom, type FastTrackMetrics } from "@/lib/metrics/fast-track";
import type { MetricPeriod } from "@/lib/metrics/periods";
import { teamCondition, type MetricScope } from "../scope";
import { num, periodsCte, span } from "./periods-sql";

/**
 * The reviews family's fast-tracked group for every period (docs/metrics.md): reviews completed
 * through the fast track and not sent back, by their completed date; spot checks by their date.
 */
export async function fastTrackFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
): Promise<Map<string, FastTrackMetrics>> {
  const { start, end } = span(periods);
  const [cycles, checks] = await Promise.all([
    reportDb.$queryRaw<{ key: string; n: number; meanDays: unknown; medianDays: unknown }[]>`
      WITH ${periodsCte(periods)},
      ft AS (
        SELECT per.key, extract(epoch FROM r."completedAt" - r."requestedAt") / 86400 AS days
        FROM "FastTrack" x JOIN "Review" r ON r.id = x."reviewId" JOIN "Team" t ON t.id = r."teamId"
        JOIN per ON r."completedAt" >= per.s_at AND r."completedAt" < per.e_at
        WHERE r."completedAt" >= ${start} AND r."completedAt" < ${end}
          AND x."spotCheckOutcome" IS DISTINCT FROM 'FAILED' AND ${teamCondition(scope)}
      )
      SELECT key, count(*)::int AS n, avg(days)::float8 AS "meanDays",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS "medianDays"
      FROM ft GROUP BY key`,
    reportDb.$queryRaw<{ key: string; n: number; passed: number }[]>`
      WITH ${periodsCte(periods)}
      SELECT per.key, count(*)::int AS n,
        count(*) FILTER (WHERE x."spotCheckOutcome" = 'PASSED')::int AS passed
      FROM "FastTrack" x JOIN "Review" r ON r.id = x."reviewId" JOIN "Team" t ON t.id = r."teamId"
      JOIN per ON x."spotCheckedAt" >= per.s_at AND x."spotCheckedAt" < per.e_at
      WHERE x."spotCheckedAt" >= ${start} AND x."spotCheckedAt" < ${end} AND ${teamCondition(scope)}
      GROUP BY per.key`,
  ]);
  return new Map(
    periods.map((p) => {
      const c = cycles.find((r) => r.key === p.key);
      return [
        p.key,
        fastTrackMetricsFrom(
          c && { n: c.n, meanDays: num(c.meanDays), medianDays: num(c.medianDays) },
          checks.find((r) => r.key === p.key),
        ),
      ];
    }),
  );
}
