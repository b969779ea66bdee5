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
import { outliers } from "@/lib/metrics/trend";
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
export type OutlierBlock = {
  id: string;
  title: string;
  unit: string;
  digits: number;
  rows: { item: TeamRef; value: number; distance: number; median: number }[];
};
type Measure = { id: string; title: string; unit: string; digits: number; figure: TeamFigure };
type Period = { scope: MetricScope; start: Date; end: Date };

// Per family, the facts of one quarter and the per-team figures of its main metrics.
const MEASURES: Record<string, (p: Period) => Promise<Measure[]>> = {
  reviews: async ({ scope, start, end }) => {
    const reviews = await reviewFacts(scope, start, end);
    return [
      {
        id: "cycle",
        title: "Mean review cycle time",
        unit: "days",
        digits: 1,
        figure: teamCycleTime(reviews),
      },
      {
        id: "effort",
        title: "Mean review effort",
        unit: "h",
        digits: 1,
        figure: teamReviewEffort(reviews),
      },
    ];
  },
  releases: async ({ scope, start, end }) => [
    {
      id: "release",
      title: "Mean time to release",
      unit: "days",
      digits: 1,
      figure: teamReleaseTime(await releaseFacts(scope, start, end)),
    },
  ],
  findings: async ({ scope, start, end }) => {
    const findings = await findingFacts(scope, start, end);
    return [
      {
        id: "opened",
        title: "Findings opened",
        unit: "",
        digits: 0,
        figure: teamFindingsOpened(findings, start, end),
      },
      {
        id: "mitigate",
        title: "Mean time to mitigate",
        unit: "days",
        digits: 1,
        figure: teamMitigationTime(findings, start, end),
      },
    ];
  },
  time: async ({ scope, start, end }) => {
    const [activities, intervals] = await Promise.all([
      activityFacts(scope, start, end),
      guardianIntervals(scope),
    ]);
    return [
      {
        id: "hours",
        title: "Hours per guardian-month",
        unit: "h",
        digits: 2,
        figure: teamHoursPerGuardianMonth(activities, intervals, start, end),
      },
    ];
  },
  training: async ({ scope, end }) => {
    const [intervals, courses] = await Promise.all([guardianIntervals(scope), courseLists()]);
    const last = lastDay(end);
    const completions = await completionFacts([...activeGuardiansOn(intervals, last)]);
    return [
      {
        id: "required",
        title: "Required training complete",
        unit: "%",
        digits: 1,
        figure: teamTrainingCompletion(intervals, completions, courses.required, last),
      },
    ];
  },
  "threat-models": async ({ scope, start, end }) => [
    {
      id: "guardian-share",
      title: "Threat models with a guardian author",
      unit: "%",
      digits: 1,
      figure: teamGuardianAuthoredPct(await threatModelFacts(scope, start, end)),
    },
  ],
  feedback: async ({ scope, start, end }) => [
    {
      id: "rating",
      title: "Mean feedback rating",
      unit: "/5",
      digits: 2,
      figure: teamFeedbackMean(await feedbackFacts(scope, start, end)),
    },
  ],
};

/** For a detail view: per main metric, the teams in scope furthest from the teams' median in `quarter`. */
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
    `family-outliers|${familyId}|${scopeKey}|${quarterKey(quarter)}|${count}`,
    version,
    async () => {
      const [teams, list] = await Promise.all([
        teamsAt(scope, end),
        measures({ scope, start, end }),
      ]);
      // Teams equally far from the median are listed by name (outliers() keeps the input order of ties).
      const sorted: TeamRef[] = teams
        .map((t) => ({ id: t.id, name: t.name }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
      return list.map(({ figure, ...m }) => ({
        ...m,
        rows: outliers(sorted, (t) => figure(t.id), count),
      }));
    },
  );
}
