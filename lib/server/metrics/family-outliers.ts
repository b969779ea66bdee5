import "server-only";
import { lastDay, activeGuardiansOn } from "@/lib/metrics/guardians";
import {
  teamCycleTime,
  teamFeedbackMean,
  teamFindingsOpened,
  teamGuardianAuthoredPct,
  teamHoursPerGuardianMonth,
  teamMitigationTime,
  teamReleaseTime,
  teamReviewEffort,
  teamTrainingCompletion,
  type TeamFigure,
} from "@/lib/metrics/team-figures";
import type { Figure } from "@/lib/metrics/stats";
import {
  TEAM_METRICS,
  worseThanMedian,
  type TeamMetric,
  type TeamMetricId,
  type WorseRow,
} from "@/lib/metrics/where-to-act";
import { quarterKey, quarterRange, type Quarter } from "@/lib/period";
import { cached } from "./cache";
import { metricsVersions } from "./versions";
import {
  activityFacts,
  findingFacts,
  guardianIntervals,
  releaseFacts,
  reviewFacts,
  teamsAt,
} from "./facts";
import {
  completionFacts,
  courseLists,
  feedbackFacts,
  threatModelFacts,
} from "./threat-model-and-people-facts";
import type { MetricScope } from "./scope";

type TeamRef = { id: number; name: string };
export type OutlierBlock = TeamMetric & {
  id: TeamMetricId;
  median: Figure;
  rows: WorseRow<TeamRef>[];
};
type Measure = { id: TeamMetricId; figure: TeamFigure };
type Period = { scope: MetricScope; start: Date; end: Date };

// Per family, the facts of one quarter and the per-team figures of its main metrics.
const MEASURES: Record<string, (p: Period) => Promise<Measure[]>> = {
  reviews: async ({ scope, start, end }) => {
    const reviews = await reviewFacts(scope, start, end);
    return [
      { id: "cycle", figure: teamCycleTime(reviews) },
      { id: "effort", figure: teamReviewEffort(reviews) },
    ];
  },
  releases: async ({ scope, start, end }) => [
    { id: "release", figure: teamReleaseTime(await releaseFacts(scope, start, end)) },
  ],
  findings: async ({ scope, start, end }) => {
    const findings = await findingFacts(scope, start, end);
    return [
      { id: "opened", figure: teamFindingsOpened(findings, start, end) },
      { id: "mitigate", figure: teamMitigationTime(findings, start, end) },
    ];
  },
  time: async ({ scope, start, end }) => {
    const [activities, intervals] = await Promise.all([
      activityFacts(scope, start, end),
      guardianIntervals(scope),
    ]);
    return [{ id: "hours", figure: teamHoursPerGuardianMonth(activities, intervals, start, end) }];
  },
  training: async ({ scope, end }) => {
    const [intervals, courses] = await Promise.all([guardianIntervals(scope), courseLists()]);
    const last = lastDay(end);
    const completions = await completionFacts([...activeGuardiansOn(intervals, last)]);
    return [
      {
        id: "required",
        figure: teamTrainingCompletion(intervals, completions, courses.required, last),
      },
    ];
  },
  "threat-models": async ({ scope, start, end }) => [
    {
      id: "guardian-share",
      figure: teamGuardianAuthoredPct(await threatModelFacts(scope, start, end)),
    },
  ],
  feedback: async ({ scope, start, end }) => [
    { id: "rating", figure: teamFeedbackMean(await feedbackFacts(scope, start, end)) },
  ],
};

/**
 * For a detail view: per main metric, the teams in scope furthest from the teams' median in
 * `quarter` on its bad side (TEAM_METRICS says which side that is).
 */
export async function familyOutliers(
  familyId: string,
  scope: MetricScope,
  quarter: Quarter,
  count = 5,
): Promise<OutlierBlock[]> {
  const measures = MEASURES[familyId];
  if (!measures) return [];
  const scopeKey = `${scope.orgIds ? [...scope.orgIds].sort((a, b) => a - b).join(".") : "all"}|${scope.teamId ?? ""}`;
  const { start, end } = quarterRange(quarter);
  // Only the time view reads activity entries, those of its quarter.
  const versions = await metricsVersions();
  const version =
    familyId === "time"
      ? `${versions.data}|${versions.activity([quarterKey(quarter)])}`
      : versions.data;
  return cached(
    `family-worse|${familyId}|${scopeKey}|${quarterKey(quarter)}|${count}`,
    version,
    async () => {
      const [teams, list] = await Promise.all([
        teamsAt(scope, end),
        measures({ scope, start, end }),
      ]);
      // Teams equally far from the median are listed by name (worseThanMedian() keeps the input
      // order of ties).
      const sorted: TeamRef[] = teams
        .map((t) => ({ id: t.id, name: t.name }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
      return list.map(({ id, figure }) => {
        const metric = TEAM_METRICS[id];
        return {
          id,
          ...metric,
          ...worseThanMedian(sorted, (t) => figure(t.id), metric.worse, count),
        };
      });
    },
  );
}
