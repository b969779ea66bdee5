import { toHours } from "@/lib/hours";
import { findingMetrics, type FindingFact } from "./findings";
import { isActiveOn } from "@/lib/active-guardian";
import { activeGuardiansOn, guardianMonths, type ActiveInterval } from "./guardians";
import { releaseMetrics, type ReleaseFact } from "./releases";
import { reviewCycleMetrics, reviewEffortMetrics, type ReviewFact } from "./reviews";
import type { ActivityFact } from "./security-time";
import { mean, ratio, type Figure } from "./stats";
import { threatModelMetrics, type ThreatModelFact } from "./threat-models";
import { trainingMetrics, type CompletionFact } from "./training";

// Each family's main figure per team, computed with the same functions as the program figure,
// so "where to act" (worseThanMedian() in where-to-act.ts) compares like with like.
type TeamRow = { teamId: number };
export type TeamFigure = (teamId: number) => Figure;

export function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const r of rows) {
    const list = map.get(key(r));
    if (list) list.push(r);
    else map.set(key(r), [r]);
  }
  return map;
}

export const groupByTeam = <T extends TeamRow>(rows: T[]) => groupBy(rows, (r) => r.teamId);

/** A figure per team from its own rows; teams without rows get `empty` (by default "not enough data"). */
function perTeam<T extends TeamRow>(
  rows: T[],
  figure: (rows: T[]) => Figure,
  empty: Figure = null,
): TeamFigure {
  const groups = groupByTeam(rows);
  const values = new Map([...groups].map(([teamId, list]) => [teamId, figure(list)]));
  return (teamId) => (values.has(teamId) ? values.get(teamId)! : empty);
}

export const teamCycleTime = (reviews: (ReviewFact & TeamRow)[]) =>
  perTeam(reviews, (rs) => reviewCycleMetrics(rs).all.mean);
export const teamReviewEffort = (reviews: (ReviewFact & TeamRow)[]) =>
  perTeam(reviews, (rs) => reviewEffortMetrics(rs).all);
export const teamReleaseTime = (releases: (ReleaseFact & TeamRow)[]) =>
  perTeam(releases, (rs) => releaseMetrics(rs).all.mean);
export const teamGuardianAuthoredPct = (models: (ThreatModelFact & TeamRow)[]) =>
  perTeam(models, (ms) => threatModelMetrics(ms).guardianAuthoredPct);
export const teamFeedbackMean = (ratings: { teamId: number; rating: number }[]) =>
  perTeam(ratings, (rs) => mean(rs.map((r) => r.rating)));

/** Findings opened in [start, end) per team: a team with none opened 0 (a count, not missing data). */
export function teamFindingsOpened(
  findings: (FindingFact & TeamRow)[],
  start: Date,
  end: Date,
): TeamFigure {
  return perTeam(findings, (fs) => findingMetrics(fs, 1, start, end).opened, 0);
}

export function teamMitigationTime(
  findings: (FindingFact & TeamRow)[],
  start: Date,
  end: Date,
): TeamFigure {
  return perTeam(findings, (fs) => findingMetrics(fs, 1, start, end).meanDaysToMitigate);
}

/**
 * Hours per guardian-month of a team's guardians: hours they logged on days they were active
 * guardians of that team, over the team's guardian-months (an entry of a person guarding two
 * teams that day counts for both teams).
 */
export function teamHoursPerGuardianMonth(
  activities: ActivityFact[],
  intervals: ActiveInterval[],
  start: Date,
  end: Date,
): TeamFigure {
  const byUser = groupBy(intervals, (i) => i.userId);
  const quarterHours = new Map<number, number>();
  for (const a of activities) {
    const teams = new Set(
      (byUser.get(a.userId) ?? []).filter((i) => isActiveOn(i, a.date)).map((i) => i.teamId),
    );
    for (const teamId of teams)
      quarterHours.set(teamId, (quarterHours.get(teamId) ?? 0) + a.quarterHours);
  }
  const months = new Map(
    [...groupByTeam(intervals)].map(([teamId, list]) => [teamId, guardianMonths(list, start, end)]),
  );
  return (teamId) => ratio(toHours(quarterHours.get(teamId) ?? 0), months.get(teamId) ?? 0);
}

/** Of a team's guardians active on `lastDay`, the % who completed every required course by then. */
export function teamTrainingCompletion(
  intervals: ActiveInterval[],
  completions: CompletionFact[],
  requiredCourseIds: number[],
  lastDay: Date,
): TeamFigure {
  const byUser = groupBy(completions, (c) => c.userId);
  const values = new Map<number, Figure>();
  for (const [teamId, list] of groupByTeam(intervals)) {
    const active = [...activeGuardiansOn(list, lastDay)];
    if (active.length === 0) continue;
    values.set(
      teamId,
      trainingMetrics({
        activeGuardians: active,
        requiredCourseIds,
        optionalCourseIds: [],
        completions: active.flatMap((u) => byUser.get(u) ?? []),
        lastDay,
      }).allRequiredPct,
    );
  }
  return (teamId) => values.get(teamId) ?? null;
}
