import "server-only";
import { reportDb } from "@/lib/db/client";
import {
  findingMetricsFromGroups,
  type FindingGroup,
  type FindingMetrics,
} from "@/lib/metrics/findings";
import type { MetricPeriod } from "@/lib/metrics/periods";
import { teamCondition, type MetricScope } from "../scope";
import {
  periodsCte,
  perPeriod,
  span,
  teamDimension,
  type ByTeam,
  type PerTeam,
} from "./periods-sql";

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

/**
 * Metric 4 for every period: findings by severity, opened, mitigated and open at the end, over
 * `teams` (teamsAtEnd()); `byTeam`, the same per team of the scope, each its own one team.
 */
export function findingFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
  teams: Map<string, number>,
): Promise<Map<string, FindingMetrics>>;
export function findingFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
  grouping: ByTeam,
): Promise<PerTeam<FindingMetrics>>;
export async function findingFamily(
  scope: MetricScope,
  periods: MetricPeriod[],
  teamsOrGrouping: Map<string, number> | ByTeam,
) {
  const { startDay, endDay } = span(periods);
  const grouping = teamsOrGrouping instanceof Map ? undefined : teamsOrGrouping;
  const teams = teamsOrGrouping instanceof Map ? teamsOrGrouping : null;
  const team = teamDimension(grouping, `f."teamId"`);
  const rows = await reportDb.$queryRaw<(FindingGroup & { key: string; teamId?: number })[]>`
    WITH ${periodsCte(periods)}
    SELECT per.key${team.select}, f.severity::text AS severity,
      count(*) FILTER (WHERE f."openedOn" >= per.s)::int AS opened,
      count(*) FILTER (WHERE f.status = 'MITIGATED' AND f."closedOn" < per.e)::int AS mitigated,
      coalesce(sum(f."closedOn" - f."openedOn") FILTER (WHERE f.status = 'MITIGATED' AND f."closedOn" < per.e), 0)::float8 AS "mitigatedDays",
      count(*) FILTER (WHERE f."closedOn" IS NULL OR f."closedOn" >= per.e)::int AS "openAtEnd"
    FROM "Finding" f JOIN "Team" t ON t.id = f."teamId"
    JOIN per ON f."openedOn" < per.e AND (f."closedOn" IS NULL OR f."closedOn" >= per.s)
    WHERE f."openedOn" < ${endDay}::date AND (f."closedOn" IS NULL OR f."closedOn" >= ${startDay}::date)
      AND ${teamCondition(scope)}
    GROUP BY per.key${team.group}, f.severity`;
  return perPeriod(
    periods,
    rows,
    (groups, key) => findingMetricsFromGroups(groups, teams ? (teams.get(key) ?? 0) : 1),
    grouping,
  );
}
