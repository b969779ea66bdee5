import "server-only";
import { daysBetween, mean, ratio } from "@/lib/metrics/stats";
import { TEAM_METRICS, worseThanMedian } from "@/lib/metrics/where-to-act";
import { quarterKey, quarterRange, type Quarter } from "@/lib/period";
import { cached } from "./cache";
import { metricsVersions } from "./versions";
import { findingFacts, reviewFacts, teamsAt } from "./facts";
import type { MetricScope } from "./scope";

/**
 * Teams furthest from the median on the bad side of review cycle time (slower) and findings
 * opened (more), for one quarter.
 */
export async function teamOutliers(scope: MetricScope, quarter: Quarter) {
  const key = `worse|${scope.orgIds ? scope.orgIds.join(".") : "all"}|${scope.teamId ?? ""}|${quarterKey(quarter)}`;
  return cached(key, (await metricsVersions()).data, () => computeOutliers(scope, quarter));
}

async function computeOutliers(scope: MetricScope, quarter: Quarter) {
  const { start, end } = quarterRange(quarter);
  const [unordered, reviews, findings] = await Promise.all([
    teamsAt(scope, end),
    reviewFacts(scope, start, end),
    findingFacts(scope, start, end),
  ]);
  // Teams equally far from the median are listed by name (worseThanMedian() keeps the input
  // order of ties).
  const teams = unordered.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const cycle = new Map<number, number[]>();
  for (const r of reviews) {
    const list = cycle.get(r.teamId) ?? [];
    list.push(daysBetween(r.requestedAt, r.completedAt));
    cycle.set(r.teamId, list);
  }
  const opened = new Map<number, number>();
  for (const f of findings)
    if (f.openedOn >= start) opened.set(f.teamId, (opened.get(f.teamId) ?? 0) + 1);
  return {
    cycleTime: worseThanMedian(teams, (t) => mean(cycle.get(t.id) ?? []), TEAM_METRICS.cycle.worse),
    findings: worseThanMedian(
      teams,
      (t) => ratio(opened.get(t.id) ?? 0, 1),
      TEAM_METRICS.opened.worse,
    ),
  };
}
