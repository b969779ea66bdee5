import "server-only";
import { daysBetween, mean, ratio } from "@/lib/metrics/stats";
import { outliers } from "@/lib/metrics/trend";
import { quarterKey, quarterRange, type Quarter } from "@/lib/period";
import { cached } from "./cache";
import { metricsVersions } from "./versions";
import { findingFacts, reviewFacts, teamsAt } from "./facts";
import type { MetricScope } from "./scope";

/** Teams furthest from the median on review cycle time and findings opened, for one quarter. */
export async function teamOutliers(scope: MetricScope, quarter: Quarter) {
  const key = `outliers|${scope.orgIds ? scope.orgIds.join(".") : "all"}|${scope.teamId ?? ""}|${quarterKey(quarter)}`;
  return cached(key, (await metricsVersions()).data, () => computeOutliers(scope, quarter));
}

async function computeOutliers(scope: MetricScope, quarter: Quarter) {
  const { start, end } = quarterRange(quarter);
  const [unordered, reviews, findings] = await Promise.all([
    teamsAt(scope, end),
    reviewFacts(scope, start, end),
    findingFacts(scope, start, end),
  ]);
  // Teams equally far from the median are listed by name (outliers() keeps the input order of ties).
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
    cycleTime: outliers(teams, (t) => mean(cycle.get(t.id) ?? [])),
    findings: outliers(teams, (t) => ratio(opened.get(t.id) ?? 0, 1)),
  };
}
