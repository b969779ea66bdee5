import "server-only";
import { quarterPeriod } from "@/lib/metrics/periods";
import type { Figure } from "@/lib/metrics/stats";
import {
  TEAM_METRICS,
  worseThanMedian,
  type TeamMetric,
  type TeamMetricId,
  type WorseRow,
} from "@/lib/metrics/where-to-act";
import { isoDay, quarterKey, type Quarter } from "@/lib/period";
import { cached } from "./cache";
import { metricsVersions } from "./versions";
import { TEAM_MEASURES, teamsAtPeriodEnd, type TeamRef } from "./team-measures";
import type { MetricScope } from "./scope";

export type OutlierBlock = TeamMetric & {
  id: TeamMetricId;
  median: Figure;
  rows: WorseRow<TeamRef>[];
};

/**
 * For a detail view: per main metric, the teams in scope furthest from the teams' median in
 * `quarter` (to date when it is the current one) on its bad side (TEAM_METRICS says which side
 * that is).
 */
export async function familyOutliers(
  familyId: string,
  scope: MetricScope,
  quarter: Quarter,
  count = 5,
): Promise<OutlierBlock[]> {
  const measures = TEAM_MEASURES[familyId];
  if (!measures) return [];
  const scopeKey = `${scope.orgIds ? [...scope.orgIds].sort((a, b) => a - b).join(".") : "all"}|${scope.teamId ?? ""}`;
  // The current quarter ends on a different day each day (its guardian-months with it).
  const period = quarterPeriod(quarter);
  // Only the time view reads activity entries, those of its quarter.
  const versions = await metricsVersions();
  const version =
    familyId === "time"
      ? `${versions.data}|${versions.activity([quarterKey(quarter)])}`
      : versions.data;
  return cached(
    `family-worse|${familyId}|${scopeKey}|${quarterKey(quarter)}<${isoDay(period.end)}|${count}`,
    version,
    async () => {
      const [teams, list] = await Promise.all([
        teamsAtPeriodEnd(scope, period),
        measures(scope, period),
      ]);
      return list.map(({ id, figure }) => {
        const metric = TEAM_METRICS[id];
        return {
          id,
          ...metric,
          ...worseThanMedian(teams, (t) => figure(t.id), metric.worse, count),
        };
      });
    },
  );
}
