import "server-only";
import { reportDb } from "@/lib/db/client";
import type { MetricPeriod } from "@/lib/metrics/periods";
import type { QuarterMetricsLike } from "@/lib/metrics/quarter-types";
import { riskBudget, type RiskBudget } from "@/lib/metrics/risk";
import { isoDay, quarterKey, type Quarter } from "@/lib/period";
import { quarterPeriod } from "@/lib/metrics/periods";
import { SEVERITY_WEIGHT } from "@/lib/vocabulary";
import { findingFamily, teamsAtEnd } from "./families/findings";
import { peopleFamily, trainingFamily } from "./families/people";
import { fastTrackFamily } from "./families/fast-track";
import { releaseFamily, reviewFamily } from "./families/reviews";
import { feedbackFamily, threatModelFamily } from "./families/threat-models";
import { timeFamily } from "./families/time";
import type { SecurityTimeMetrics } from "@/lib/metrics/security-time";
import { teamCondition, type MetricScope } from "./scope";
import { cached, computedAt } from "./cache";
import { metricsVersions } from "./versions";

export type QuarterMetrics = QuarterMetricsLike;

/** Every family but the hours, for every period: one grouped query per family. */
async function computeWithoutHours(scope: MetricScope, periods: MetricPeriod[]) {
  const teams = await teamsAtEnd(scope, periods);
  const [reviews, releases, findings, training, threatModels, people, feedback, fastTrack] =
    await Promise.all([
      reviewFamily(scope, periods),
      releaseFamily(scope, periods),
      findingFamily(scope, periods, teams),
      trainingFamily(scope, periods),
      threatModelFamily(scope, periods),
      peopleFamily(scope, periods),
      feedbackFamily(scope, periods),
      fastTrackFamily(scope, periods),
    ]);
  return periods.map((p) => ({
    cycle: reviews.get(p.key)!.cycle,
    effort: reviews.get(p.key)!.effort,
    releases: releases.get(p.key)!,
    findings: findings.get(p.key)!,
    training: training.get(p.key)!,
    threatModels: threatModels.get(p.key)!,
    people: people.get(p.key)!,
    feedback: feedback.get(p.key)!,
    fastTrack: fastTrack.get(p.key)!,
  }));
}

/** A period by its key and end: "2026-Q4" ends on a different day each day of the quarter. */
const figuresKey = (scope: MetricScope, periods: MetricPeriod[]) =>
  `${scopeKey(scope)}|${periods.map((p) => `${p.key}<${isoDay(p.end)}`).join(",")}`;

const scopeKey = (scope: MetricScope) =>
  `${scope.orgIds ? [...scope.orgIds].sort((a, b) => a - b).join(".") : "all"}|${scope.teamId ?? ""}`;

/**
 * Every program metric of docs/metrics.md for each period and scope. The hours are cached
 * apart, under the versions of their own quarters: hours logged today leave every other figure
 * (and other quarters' hours) as they are.
 */
export async function periodMetrics(
  scope: MetricScope,
  periods: MetricPeriod[],
  opts: { fresh?: boolean } = {},
): Promise<QuarterMetrics[]> {
  if (periods.length === 0) return [];
  const versions = await metricsVersions();
  const key = figuresKey(scope, periods);
  const [rest, time] = await Promise.all([
    cached(`figures|${key}`, versions.data, () => computeWithoutHours(scope, periods), opts),
    cached(
      `hours|${key}`,
      `${versions.data}|${versions.activity([...new Set(periods.map((p) => p.quarter))])}`,
      () => timeFamily(scope, periods),
      opts,
    ),
  ]);
  return periods.map((p, i) => ({
    quarter: p.quarter,
    period: p.key,
    toDate: p.toDate,
    days: p.days,
    ...rest[i],
    time: (time as Map<string, SecurityTimeMetrics>).get(p.key)!,
  }));
}

/** When the oldest of the figures periodMetrics() serves for these periods were computed. */
export function periodMetricsAsOf(scope: MetricScope, periods: MetricPeriod[]): Date {
  const key = figuresKey(scope, periods);
  return new Date(
    Math.min(computedAt(`figures|${key}`).getTime(), computedAt(`hours|${key}`).getTime()),
  );
}

/** One quarter's metrics (to date when it is the current one). */
export async function quarterMetrics(
  scope: MetricScope,
  quarter: Quarter,
  opts: { fresh?: boolean; today?: Date } = {},
): Promise<QuarterMetrics> {
  return (await periodMetrics(scope, [quarterPeriod(quarter, opts.today)], opts))[0];
}

export type TeamRisk = RiskBudget & { teamId: number; name: string };

/**
 * Risk budget of every team in scope at the quarter's end (today for the current one), worst
 * first. The current quarter ends on a different day each day: its end is in the cache key.
 */
export async function riskBudgets(
  scope: MetricScope,
  quarter: Quarter,
  opts: { fresh?: boolean; today?: Date } = {},
): Promise<TeamRisk[]> {
  const period = quarterPeriod(quarter, opts.today);
  const versions = await metricsVersions();
  return cached(
    `risk|${scopeKey(scope)}|${quarterKey(quarter)}<${isoDay(period.end)}`,
    versions.data,
    () => computeRiskBudgets(scope, period),
    opts,
  );
}

/**
 * Metric 10 in one grouped query: per team, the weights of findings open at the period's end
 * and of threats with no mitigation in models created by then.
 */
async function computeRiskBudgets(scope: MetricScope, period: MetricPeriod): Promise<TeamRisk[]> {
  const end = isoDay(period.end);
  const rows = await reportDb.$queryRaw<
    { teamId: number; name: string; budget: number; findings: string[]; threats: string[] }[]
  >`
    WITH teams AS (SELECT t.id, t.name, t."riskBudget" FROM "Team" t WHERE t."joinedOn" < ${end}::date AND ${teamCondition(scope)}),
    f AS (
      SELECT f."teamId", array_agg(f.severity::text) AS severities FROM "Finding" f JOIN teams ON teams.id = f."teamId"
      WHERE f."openedOn" < ${end}::date AND (f."closedOn" IS NULL OR f."closedOn" >= ${end}::date)
      GROUP BY f."teamId"
    ),
    th AS (
      SELECT tm."teamId", array_agg(th.severity::text) AS severities
      FROM "Threat" th JOIN "ThreatModel" tm ON tm.id = th."threatModelId" JOIN teams ON teams.id = tm."teamId"
      WHERE th."mitigationStatus" = 'NONE' AND tm."createdOn" < ${end}::date
      GROUP BY tm."teamId"
    )
    SELECT teams.id AS "teamId", teams.name, teams."riskBudget" AS budget,
      coalesce(f.severities, '{}') AS findings, coalesce(th.severities, '{}') AS threats
    FROM teams LEFT JOIN f ON f."teamId" = teams.id LEFT JOIN th ON th."teamId" = teams.id`;
  const weighted = (severities: string[]) =>
    severities.map((s) => ({ severity: s as keyof typeof SEVERITY_WEIGHT }));
  return rows
    .map((r) => ({
      teamId: r.teamId,
      name: r.name,
      ...riskBudget(weighted(r.findings), weighted(r.threats), r.budget),
    }))
    .sort((a, b) => b.usedPct - a.usedPct);
}
