import "server-only";
import { findingMetrics } from "@/lib/metrics/findings";
import { activeGuardiansOn, lastDay } from "@/lib/metrics/guardians";
import { peopleMetrics } from "@/lib/metrics/people";
import { releaseMetrics } from "@/lib/metrics/releases";
import { reviewCycleMetrics, reviewEffortMetrics } from "@/lib/metrics/reviews";
import { riskBudget, type RiskBudget } from "@/lib/metrics/risk";
import { securityTimeMetrics } from "@/lib/metrics/security-time";
import { summarise } from "@/lib/metrics/stats";
import { threatModelMetrics } from "@/lib/metrics/threat-models";
import { trainingMetrics } from "@/lib/metrics/training";
import { quarterKey, quarterRange, type Quarter } from "@/lib/period";
import {
  activityFacts,
  findingFacts,
  guardianIntervals,
  releaseFacts,
  reviewFacts,
  teamsAt,
} from "./facts";
import {
  beltAwardFacts,
  completionFacts,
  courseLists,
  feedbackRatings,
  threatModelFacts,
  unmitigatedThreats,
} from "./threat-model-and-people-facts";
import type { MetricScope } from "./scope";
import { cached, dataVersion } from "./cache";
import type { QuarterMetricsLike } from "@/lib/metrics/quarter-types";

export type QuarterMetrics = QuarterMetricsLike;

/**
 * Every program metric of docs/metrics.md for one quarter and scope: facts from SQL, figures
 * from lib/metrics.
 */
export async function quarterMetrics(
  scope: MetricScope,
  quarter: Quarter,
): Promise<QuarterMetrics> {
  const { start, end } = quarterRange(quarter);
  const last = lastDay(end);
  const [reviews, releases, findings, teams, intervals, activities, tms, ratings, courses] =
    await Promise.all([
      reviewFacts(scope, start, end),
      releaseFacts(scope, start, end),
      findingFacts(scope, start, end),
      teamsAt(scope, end),
      guardianIntervals(scope),
      activityFacts(scope, start, end),
      threatModelFacts(scope, start, end),
      feedbackRatings(scope, start, end),
      courseLists(),
    ]);
  const active = [...activeGuardiansOn(intervals, last)];
  const [completions, awards] = await Promise.all([
    completionFacts(active),
    beltAwardFacts(active),
  ]);
  return {
    quarter: quarterKey(quarter),
    cycle: reviewCycleMetrics(reviews),
    effort: reviewEffortMetrics(reviews),
    releases: releaseMetrics(releases),
    findings: findingMetrics(findings, teams.length, start, end),
    time: securityTimeMetrics(activities, intervals, start, end),
    training: trainingMetrics({
      activeGuardians: active,
      requiredCourseIds: courses.required,
      optionalCourseIds: courses.optional,
      completions,
      lastDay: last,
    }),
    threatModels: threatModelMetrics(tms),
    people: peopleMetrics({ intervals, teamIdsAtEnd: teams.map((t) => t.id), awards, start, end }),
    feedback: summarise(ratings),
  };
}

export type TeamRisk = RiskBudget & { teamId: number; name: string };

/** Risk budget of every team in scope at the quarter's end, worst first. */
export async function riskBudgets(scope: MetricScope, quarter: Quarter): Promise<TeamRisk[]> {
  const version = await dataVersion();
  const key = `risk|${scope.orgIds ? scope.orgIds.join(".") : "all"}|${scope.teamId ?? ""}|${quarterKey(quarter)}`;
  return cached(key, version, () => computeRiskBudgets(scope, quarter), { activities: "none" });
}

async function computeRiskBudgets(scope: MetricScope, quarter: Quarter): Promise<TeamRisk[]> {
  const { start, end } = quarterRange(quarter);
  const [teams, findings, threats] = await Promise.all([
    teamsAt(scope, end),
    findingFacts(scope, start, end),
    unmitigatedThreats(scope, end),
  ]);
  const byTeam = <T extends { teamId: number }>(rows: T[]) => {
    const map = new Map<number, T[]>();
    for (const r of rows) {
      const list = map.get(r.teamId);
      if (list) list.push(r);
      else map.set(r.teamId, [r]);
    }
    return map;
  };
  const openFindings = byTeam(findings.filter((f) => f.closedOn === null || f.closedOn >= end));
  const openThreats = byTeam(threats);
  return teams
    .map((t) => ({
      teamId: t.id,
      name: t.name,
      ...riskBudget(openFindings.get(t.id) ?? [], openThreats.get(t.id) ?? [], t.riskBudget),
    }))
    .sort((a, b) => b.usedPct - a.usedPct);
}
