import "server-only";
import { quarterPeriod } from "@/lib/metrics/periods";
import { TEAM_METRICS, worseThanMedian } from "@/lib/metrics/where-to-act";
import { isoDay, quarterKey, type Quarter } from "@/lib/period";
import { cached } from "./cache";
import { metricsVersions } from "./versions";
import { TEAM_MEASURES, teamsAtPeriodEnd, type TeamMeasure } from "./team-measures";
import type { MetricScope } from "./scope";

/**
 * Teams furthest from the median on the bad side of review cycle time (slower) and findings
 * opened (more), for one quarter (to date when it is the current one).
 */
export async function teamOutliers(scope: MetricScope, quarter: Quarter) {
  // The current quarter ends on a different day each day.
  const period = quarterPeriod(quarter);
  const key = `worse|${scope.orgIds ? scope.orgIds.join(".") : "all"}|${scope.teamId ?? ""}|${quarterKey(quarter)}<${isoDay(period.end)}`;
  return cached(key, (await metricsVersions()).data, async () => {
    const [teams, reviews, findings] = await Promise.all([
      teamsAtPeriodEnd(scope, period),
      TEAM_MEASURES.reviews(scope, period),
      TEAM_MEASURES.findings(scope, period),
    ]);
    const figure = (measures: TeamMeasure[], id: TeamMeasure["id"]) =>
      measures.find((m) => m.id === id)!.figure;
    const [cycle, opened] = [figure(reviews, "cycle"), figure(findings, "opened")];
    return {
      cycleTime: worseThanMedian(teams, (t) => cycle(t.id), TEAM_METRICS.cycle.worse),
      findings: worseThanMedian(teams, (t) => opened(t.id), TEAM_METRICS.opened.worse),
    };
  });
}
