import { formatHours, MONTHLY_REFERENCE_QUARTER_HOURS } from "@/lib/hours";
import type { QuarterMetricsLike } from "./quarter-types";
import type { SeriesData } from "./series";
import type { Figure } from "./stats";
import { trendDirection, type Direction } from "./trend";

// The overview's cards: the latest quarter, its change against the one before, the trend.
export type Headline = {
  id: string;
  label: string;
  family: string;
  unit: string;
  digits: number;
  value: Figure;
  change: Figure;
  trend: Direction;
  higherIsBetter: boolean;
  note?: string;
};

const DEFS: {
  id: string;
  label: string;
  family: string;
  unit: string;
  digits: number;
  higherIsBetter: boolean;
  pick: (m: QuarterMetricsLike) => Figure;
  note?: (m: QuarterMetricsLike) => string;
}[] = [
  {
    id: "cycle-reduction",
    label: "Review time saved with a guardian",
    family: "reviews",
    unit: "%",
    digits: 1,
    higherIsBetter: true,
    pick: (m) => m.cycle.reductionPct,
    note: (m) => `${m.cycle.withGuardian.n} reviews with, ${m.cycle.withoutGuardian.n} without`,
  },
  {
    id: "active",
    label: "Active guardians",
    family: "people",
    unit: "",
    digits: 0,
    higherIsBetter: true,
    pick: (m) => m.people.activeAtEnd,
    note: (m) => `${m.people.newInPeriod} new this quarter`,
  },
  {
    id: "coverage",
    label: "Teams with a guardian",
    family: "people",
    unit: "%",
    digits: 1,
    higherIsBetter: true,
    pick: (m) => m.people.coveragePct,
    note: (m) => `${m.people.coveredTeams} of ${m.people.teamsAtEnd} teams`,
  },
  {
    id: "hours",
    label: "Hours per guardian-month",
    family: "time",
    unit: "h",
    digits: 2,
    higherIsBetter: true,
    pick: (m) => m.time.hoursPerGuardianMonth,
    note: () => `Program reference: ${formatHours(MONTHLY_REFERENCE_QUARTER_HOURS)}`,
  },
  {
    id: "training",
    label: "Required training complete",
    family: "training",
    unit: "%",
    digits: 1,
    higherIsBetter: true,
    pick: (m) => m.training.allRequiredPct,
  },
  {
    id: "findings",
    label: "Findings per team",
    family: "findings",
    unit: "",
    digits: 2,
    higherIsBetter: false,
    pick: (m) => m.findings.perTeam,
    note: (m) => `${m.findings.openAtEnd} open ${m.toDate ? "today" : "at quarter end"}`,
  },
  {
    id: "threat-models",
    label: "Threat models by guardians",
    family: "threat-models",
    unit: "%",
    digits: 1,
    higherIsBetter: true,
    pick: (m) => m.threatModels.guardianAuthoredPct,
    note: (m) => `${m.threatModels.approved} approved`,
  },
  {
    id: "feedback",
    label: "Average feedback rating",
    family: "feedback",
    unit: "/5",
    digits: 2,
    higherIsBetter: true,
    pick: (m) => m.feedback.mean,
    note: (m) => `${m.feedback.n} ratings`,
  },
];

/**
 * `comparison` is what the latest quarter is compared with: when the latest is to date, the same
 * number of days of the quarter before (docs/metrics.md, "The current period"); by default the
 * quarter before, whole.
 */
export function headlines(
  quarters: QuarterMetricsLike[],
  comparison: QuarterMetricsLike | undefined = quarters.at(-2),
): Headline[] {
  const latest = quarters.at(-1);
  const previous = comparison;
  return DEFS.map(({ pick, note, ...d }) => {
    const value = latest ? pick(latest) : null;
    const before = previous ? pick(previous) : null;
    return {
      ...d,
      value,
      change: value !== null && before !== null ? value - before : null,
      trend: trendDirection(quarters.map(pick)),
      note: latest && note ? note(latest) : undefined,
    };
  });
}

/** Each headline's figure at every quarter, as series: the overview's CSV. */
export function headlineSeries(quarters: QuarterMetricsLike[]): SeriesData[] {
  return DEFS.map(({ id, label, unit, digits, pick }) => ({
    id: `headline-${id}`,
    label,
    unit,
    digits,
    points: quarters.map((q) => ({ quarter: q.quarter, value: pick(q) })),
  }));
}
