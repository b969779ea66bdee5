import type { GoalMetric } from "@/lib/vocabulary";
import type { QuarterMetricsLike } from "./quarter-types";
import { NEW_GUARDIANS_CHART, type SeriesData } from "./series";
import type { Figure } from "./stats";

// How each goal metric is measured; its name is lib/vocabulary's GOAL_METRIC label.
export const GOAL_METRICS = {
  NEW_GUARDIANS: {
    unit: "",
    digits: 0,
    pick: (m: QuarterMetricsLike) => m.people.newInPeriod,
    additive: true,
  },
  ACTIVE_GUARDIANS: {
    unit: "",
    digits: 0,
    pick: (m: QuarterMetricsLike) => m.people.activeAtEnd,
    additive: false,
  },
  TEAM_COVERAGE_PCT: {
    unit: "%",
    digits: 1,
    pick: (m: QuarterMetricsLike) => m.people.coveragePct,
    additive: false,
  },
  REVIEW_CYCLE_REDUCTION_PCT: {
    unit: "%",
    digits: 1,
    pick: (m: QuarterMetricsLike) => m.cycle.reductionPct,
    additive: false,
  },
  HOURS_PER_GUARDIAN_MONTH: {
    unit: "h",
    digits: 2,
    pick: (m: QuarterMetricsLike) => m.time.hoursPerGuardianMonth,
    additive: false,
  },
  TRAINING_COMPLETION_PCT: {
    unit: "%",
    digits: 1,
    pick: (m: QuarterMetricsLike) => m.training.allRequiredPct,
    additive: false,
  },
  GUARDIAN_THREAT_MODEL_SHARE_PCT: {
    unit: "%",
    digits: 1,
    pick: (m: QuarterMetricsLike) => m.threatModels.guardianAuthoredPct,
    additive: false,
  },
  FINDINGS_PER_TEAM: {
    unit: "",
    digits: 2,
    pick: (m: QuarterMetricsLike) => m.findings.perTeam,
    additive: true,
  },
  AVERAGE_FEEDBACK: {
    unit: "/5",
    digits: 2,
    pick: (m: QuarterMetricsLike) => m.feedback.mean,
    additive: false,
  },
} as const satisfies Record<GoalMetric, unknown>;

export type GoalMetricName = keyof typeof GOAL_METRICS;
export type GoalProgress = {
  value: Figure;
  target: number;
  met: boolean | null;
  progressPct: Figure;
};

/**
 * Progress of a goal over its period's quarters so far (oldest first): counts add up over a
 * year goal's quarters; rates and levels take the latest quarter.
 */
export function goalProgress(
  metric: GoalMetricName,
  target: number,
  higherIsBetter: boolean,
  quarters: QuarterMetricsLike[],
): GoalProgress {
  const def = GOAL_METRICS[metric];
  const values = quarters.map(def.pick);
  let value: Figure;
  if (def.additive && metric === "NEW_GUARDIANS")
    value = values.reduce<number>((s, v) => s + (v ?? 0), 0);
  else value = values.at(-1) ?? null;
  if (value === null) return { value, target, met: null, progressPct: null };
  const met = higherIsBetter ? value >= target : value <= target;
  const progressPct = higherIsBetter
    ? target > 0
      ? Math.min(100, (value / target) * 100)
      : 100
    : value <= target
      ? 100
      : target > 0
        ? Math.max(0, (target / value) * 100)
        : 0;
  return { value, target, met, progressPct };
}

/**
 * The program's new-guardians goal as a target per quarter, charted against each quarter's new
 * guardians: a yearly goal is spread evenly over its four quarters.
 */
export function newGuardiansGoalSeries(
  quarters: string[],
  goal: { target: number; period: string } | null,
): SeriesData | null {
  if (!goal) return null;
  const yearly = goal.period === "YEAR";
  return {
    id: "new-goal",
    label: yearly
      ? "Program goal: new guardians (a quarter of the yearly target)"
      : "Program goal: new guardians per quarter",
    unit: "",
    digits: yearly ? 2 : 0,
    chart: NEW_GUARDIANS_CHART,
    points: quarters.map((quarter) => ({ quarter, value: yearly ? goal.target / 4 : goal.target })),
  };
}
