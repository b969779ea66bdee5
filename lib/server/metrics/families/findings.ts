import "server-only";
import { reportDb } from "@/lib/db/client";
import { findingMetricsFromGroups, type FindingGroup } from "@/lib/metrics/findings";
import type { MetricPeriod } from "@/lib/metrics/periods";
import { teamCondition, type MetricScope } from "../scope";
import { byPeriod, periodsCte, span } from "./periods-sql";

/** Teams in scope that existed at each period's end. */
export async function teamsAtEnd(
  scope: MetricScope,
  periods: MetricPeriod[],
): Promise<Map<string, number>> {
  const rows = await reportDb.$queryRaw<{ key: string; teams: number }[]>`
    WITH ${periodsCte(periods)}
    SELECT per.key, count(t.id)::int AS teams
    FROM per LEFT JOIN "Team" t ON t."joinedOn" < per.e AND ${teamCondition(scope)}
    GROUP BY per.key`;
  return new Map(rows.map((r) => [r.key, r.teams]));
}

/** Metric 4 for every period: findings by severity, opened, mitigated and open at the end. */
export async function findingFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
  teams: Map<string, number>,
) {
  const { startDay, endDay } = span(periods);
  const rows = await reportDb.$queryRaw<(FindingGroup & { key: string })[]>`
    WITH ${periodsCte(periods)}
    SELECT per.key, f.severity::text AS severity,
      count(*) FILTER (WHERE f."openedOn" >= per.s)::int AS opened,
      count(*) FILTER (WHERE f.status = 'MITIGATED' AND f."closedOn" < per.e)::int AS mitigated,
      coalesce(sum(f."closedOn" - f."openedOn") FILTER (WHERE f.status = 'MITIGATED' AND f."closedOn" < per.e), 0)::float8 AS "mitigatedDays",
      count(*) FILTER (WHERE f."closedOn" IS NULL OR f."closedOn" >= per.e)::int AS "openAtEnd"
    FROM "Finding" f JOIN "Team" t ON t.id = f."teamId"
    JOIN per ON f."openedOn" < per.e AND (f."closedOn" IS NULL OR f."closedOn" >= per.s)
    WHERE f."openedOn" < ${endDay}::date AND (f."closedOn" IS NULL OR f."closedOn" >= ${startDay}::date)
      AND ${teamCondition(scope)}
    GROUP BY per.key, f.severity`;
  const groups = byPeriod(periods, rows);
  return new Map(
    [...groups].map(([key, g]) => [key, findingMetricsFromGroups(g, teams.get(key) ?? 0)]),
  );
}
