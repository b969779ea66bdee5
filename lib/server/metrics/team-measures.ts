import "server-only";
import { reportDb } from "@/lib/db/client";
import type { MetricPeriod } from "@/lib/metrics/periods";
import type { Figure } from "@/lib/metrics/stats";
import type { TeamMetricId } from "@/lib/metrics/where-to-act";
import { isoDay } from "@/lib/period";
import { findingFamily } from "./families/findings";
import { trainingFamily } from "./families/people";
import type { ByTeam, PerTeam } from "./families/periods-sql";
import { releaseFamily, reviewFamily } from "./families/reviews";
import { feedbackFamily, threatModelFamily } from "./families/threat-models";
import { timeFamily } from "./families/time";
import { teamCondition, type MetricScope } from "./scope";

// The "where to act" lists' figures per team: each family's own grouped query, grouped by team
// too (families/*.ts, `byTeam`), so a team's figure and the program's share one definition.

export type TeamRef = { id: number; name: string };
export type TeamFigure = (teamId: number) => Figure;
export type TeamMeasure = { id: TeamMetricId; figure: TeamFigure };

const BY_TEAM: ByTeam = { byTeam: true };

/** A team's figure in `period` from the family's per-team figures; `empty` for a team with none. */
function perTeam<T>(
  figures: PerTeam<T>,
  period: MetricPeriod,
  pick: (f: T) => Figure,
  empty: Figure = null,
): TeamFigure {
  const teams = figures.get(period.key) ?? new Map<number, T>();
  return (teamId) => {
    const f = teams.get(teamId);
    return f === undefined ? empty : pick(f);
  };
}

type Measures = (scope: MetricScope, period: MetricPeriod) => Promise<TeamMeasure[]>;

/** Per family (a dashboard detail view), its main metrics per team, in the order they are shown. */
export const TEAM_MEASURES: Record<string, Measures> = {
  reviews: async (scope, period) => {
    const reviews = await reviewFamily(scope, [period], BY_TEAM);
    return [
      { id: "cycle", figure: perTeam(reviews, period, (r) => r.cycle.all.mean) },
      { id: "effort", figure: perTeam(reviews, period, (r) => r.effort.all) },
    ];
  },
  releases: async (scope, period) => [
    {
      id: "release",
      figure: perTeam(await releaseFamily(scope, [period], BY_TEAM), period, (r) => r.all.mean),
    },
  ],
  findings: async (scope, period) => {
    const findings = await findingFamily(scope, [period], BY_TEAM);
    return [
      // A count: a team with no findings opened none, which is not "not enough data".
      { id: "opened", figure: perTeam(findings, period, (f) => f.opened, 0) },
      { id: "mitigate", figure: perTeam(findings, period, (f) => f.meanDaysToMitigate) },
    ];
  },
  time: async (scope, period) => [
    {
      id: "hours",
      figure: perTeam(
        await timeFamily(scope, [period], BY_TEAM),
        period,
        (t) => t.hoursPerGuardianMonth,
      ),
    },
  ],
  training: async (scope, period) => [
    {
      id: "required",
      figure: perTeam(
        await trainingFamily(scope, [period], BY_TEAM),
        period,
        (t) => t.allRequiredPct,
      ),
    },
  ],
  "threat-models": async (scope, period) => [
    {
      id: "guardian-share",
      figure: perTeam(
        await threatModelFamily(scope, [period], BY_TEAM),
        period,
        (t) => t.guardianAuthoredPct,
      ),
    },
  ],
  feedback: async (scope, period) => [
    {
      id: "rating",
      figure: perTeam(await feedbackFamily(scope, [period], BY_TEAM), period, (s) => s.mean),
    },
  ],
};

/**
 * The teams in scope that existed at the period's end, by name (then id): worseThanMedian() keeps
 * the input order of ties, so teams equally far from the median are listed by name.
 */
export async function teamsAtPeriodEnd(
  scope: MetricScope,
  period: MetricPeriod,
): Promise<TeamRef[]> {
  const teams = await reportDb.$queryRaw<TeamRef[]>`
    SELECT t.id, t.name FROM "Team" t
    WHERE t."joinedOn" < ${isoDay(period.end)}::date AND ${teamCondition(scope)}`;
  return teams.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
}
