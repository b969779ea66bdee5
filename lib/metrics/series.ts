import { ACTIVITY_COLOUR, BELT_COLOUR, SEVERITY_COLOUR, type Swatch } from "@/lib/charts/colours";
import { ACTIVITY_TYPE, BELT, SEVERITY } from "@/lib/vocabulary";
import type { QuarterMetricsLike } from "./quarter-types";
import type { Figure } from "./stats";
import { writeCsv } from "@/lib/transfer/csv";
import { csvNumber } from "./csv-number";

// What each dashboard view charts: series over quarters, shared by chart, table and CSV.
// Series of one `chart` share a chart (by default, series of one unit do). A series with a
// meaning of its own (a belt, a severity, an activity type) has its `swatch`; parts of a whole
// are `stacked` bars; `axis` names the value axis where the unit alone would not.
type SeriesLook = { swatch?: Swatch; stacked?: boolean; axis?: string };
export type SeriesDef = SeriesLook & {
  id: string;
  label: string;
  unit: string;
  digits: number;
  chart?: string;
  pick: (m: QuarterMetricsLike) => Figure;
};
export type FamilyDef = { id: string; title: string; description: string; series: SeriesDef[] };
export type SeriesData = SeriesLook & {
  id: string;
  label: string;
  unit: string;
  digits: number;
  chart?: string;
  /** `toDate`: the quarter is the current one, its figures so far. */
  points: { quarter: string; value: Figure; toDate?: boolean }[];
};
/**
 * One CSV row: a series point, or a figure with its metric name spelled out (e.g. a survey
 * question's mean).
 */
export type CsvPoint = {
  metric: string;
  quarter: string;
  value: Figure;
  digits: number;
  unit: string;
};

const days = { unit: "days", digits: 1 };
const pct = { unit: "%", digits: 1 };
const hours = { unit: "h", digits: 1 };
const count = { unit: "", digits: 0 };
export const NEW_GUARDIANS_CHART = "New guardians";
const perTeam = {
  unit: "",
  digits: 2,
  chart: "Findings opened per team",
  axis: "findings per team",
};

export const FAMILIES: FamilyDef[] = [
  {
    id: "reviews",
    title: "Review cycle time and effort",
    description:
      "Reviews completed in the quarter: requested to completed, with and without a guardian; " +
      "fast-tracked reviews as their own group, with the spot checks' pass rate.",
    series: [
      {
        id: "cycle-mean-with",
        label: "Mean cycle time, with guardian",
        ...days,
        pick: (m) => m.cycle.withGuardian.mean,
      },
      {
        id: "cycle-mean-without",
        label: "Mean cycle time, without guardian",
        ...days,
        pick: (m) => m.cycle.withoutGuardian.mean,
      },
      {
        id: "cycle-median-with",
        label: "Median cycle time, with guardian",
        ...days,
        pick: (m) => m.cycle.withGuardian.median,
      },
      {
        id: "cycle-median-without",
        label: "Median cycle time, without guardian",
        ...days,
        pick: (m) => m.cycle.withoutGuardian.median,
      },
      {
        id: "cycle-reduction",
        label: "Cycle-time reduction with guardian",
        ...pct,
        pick: (m) => m.cycle.reductionPct,
      },
      {
        id: "effort-with",
        label: "Mean effort, with guardian",
        ...hours,
        pick: (m) => m.effort.withGuardian,
      },
      {
        id: "effort-without",
        label: "Mean effort, without guardian",
        ...hours,
        pick: (m) => m.effort.withoutGuardian,
      },
      { id: "reviews-completed", label: "Reviews completed", ...count, pick: (m) => m.cycle.all.n },
      // The fast-tracked group (docs/metrics.md): also counted above, as completed reviews.
      {
        id: "fast-tracked",
        label: "Fast-tracked reviews",
        ...count,
        chart: "Fast-tracked reviews and spot checks",
        pick: (m) => m.fastTrack.cycle.n,
      },
      {
        id: "spot-checks",
        label: "Spot checks recorded",
        ...count,
        chart: "Fast-tracked reviews and spot checks",
        pick: (m) => m.fastTrack.spotChecks,
      },
      {
        id: "fast-track-cycle-mean",
        label: "Mean cycle time, fast-tracked",
        ...days,
        chart: "Fast-tracked cycle time",
        pick: (m) => m.fastTrack.cycle.mean,
      },
      {
        id: "fast-track-cycle-median",
        label: "Median cycle time, fast-tracked",
        ...days,
        chart: "Fast-tracked cycle time",
        pick: (m) => m.fastTrack.cycle.median,
      },
      {
        id: "spot-check-pass-rate",
        label: "Spot-check pass rate",
        ...pct,
        chart: "Spot-check pass rate",
        pick: (m) => m.fastTrack.passRatePct,
      },
    ],
  },
  {
    id: "releases",
    title: "Time to release features",
    description:
      "Releases in the quarter: started to released, by how their linked review was run.",
    series: [
      {
        id: "release-mean-with",
        label: "Mean, review with guardian",
        ...days,
        pick: (m) => m.releases["with-guardian"].mean,
      },
      {
        id: "release-mean-without",
        label: "Mean, review without guardian",
        ...days,
        pick: (m) => m.releases["without-guardian"].mean,
      },
      {
        id: "release-mean-none",
        label: "Mean, no linked review",
        ...days,
        pick: (m) => m.releases["no-review"].mean,
      },
      {
        id: "release-mean-not-completed",
        label: "Mean, linked review not completed",
        ...days,
        pick: (m) => m.releases["review-not-completed"].mean,
      },
      {
        id: "release-mean-all",
        label: "Mean, all releases",
        ...days,
        pick: (m) => m.releases.all.mean,
      },
      {
        id: "release-median-with",
        label: "Median, review with guardian",
        ...days,
        chart: "Median time to release",
        pick: (m) => m.releases["with-guardian"].median,
      },
      {
        id: "release-median-without",
        label: "Median, review without guardian",
        ...days,
        chart: "Median time to release",
        pick: (m) => m.releases["without-guardian"].median,
      },
      {
        id: "release-median-none",
        label: "Median, no linked review",
        ...days,
        chart: "Median time to release",
        pick: (m) => m.releases["no-review"].median,
      },
      {
        id: "release-median-not-completed",
        label: "Median, linked review not completed",
        ...days,
        chart: "Median time to release",
        pick: (m) => m.releases["review-not-completed"].median,
      },
      {
        id: "release-median-all",
        label: "Median, all releases",
        ...days,
        chart: "Median time to release",
        pick: (m) => m.releases.all.median,
      },
      {
        id: "releases-with",
        label: "Releases, review with guardian",
        ...count,
        pick: (m) => m.releases["with-guardian"].n,
      },
      {
        id: "releases-without",
        label: "Releases, review without guardian",
        ...count,
        pick: (m) => m.releases["without-guardian"].n,
      },
      {
        id: "releases-none",
        label: "Releases, no linked review",
        ...count,
        pick: (m) => m.releases["no-review"].n,
      },
      {
        id: "releases-not-completed",
        label: "Releases, linked review not completed",
        ...count,
        pick: (m) => m.releases["review-not-completed"].n,
      },
    ],
  },
  {
    id: "findings",
    title: "Security issues",
    description:
      "Findings opened per team in scope (by severity), mitigated in the quarter and how fast, and findings open at the quarter's end.",
    series: [
      {
        id: "findings-per-team",
        label: "Findings per team",
        ...perTeam,
        pick: (m) => m.findings.perTeam,
      },
      ...SEVERITY.values.map((severity) => ({
        id: `findings-${severity.toLowerCase()}`,
        label: `${SEVERITY.label(severity)} per team`,
        ...perTeam,
        swatch: SEVERITY_COLOUR[severity],
        stacked: true,
        pick: (m: QuarterMetricsLike) => m.findings.perTeamBySeverity[severity],
      })),
      {
        id: "mitigate-days",
        label: "Mean time to mitigate",
        ...days,
        pick: (m) => m.findings.meanDaysToMitigate,
      },
      {
        id: "findings-opened",
        label: "Opened in the quarter",
        ...count,
        chart: "Open vs mitigated",
        pick: (m) => m.findings.opened,
      },
      {
        id: "findings-mitigated",
        label: "Mitigated in the quarter",
        ...count,
        chart: "Open vs mitigated",
        pick: (m) => m.findings.mitigated,
      },
      {
        id: "open-at-end",
        label: "Open at quarter end",
        ...count,
        chart: "Open vs mitigated",
        pick: (m) => m.findings.openAtEnd,
      },
    ],
  },
  {
    id: "time",
    title: "Time on security work",
    description:
      "Hours logged by guardians (on days they were active) and by builders, in all and by activity type, and the guardians within their agreed time.",
    series: [
      {
        id: "hours-per-guardian-month",
        label: "Hours per guardian-month",
        unit: "h",
        digits: 2,
        chart: "Hours per guardian-month",
        pick: (m) => m.time.hoursPerGuardianMonth,
      },
      {
        id: "guardian-hours",
        label: "Guardian hours",
        ...hours,
        chart: "Guardian and builder hours",
        pick: (m) => m.time.guardianHours,
      },
      {
        id: "builder-hours",
        label: "Builder hours",
        ...hours,
        chart: "Guardian and builder hours",
        pick: (m) => m.time.builderHours,
      },
      ...ACTIVITY_TYPE.values.map((t) => ({
        id: `guardian-hours-${t}`,
        label: `Guardian hours: ${ACTIVITY_TYPE.label(t).toLowerCase()}`,
        ...hours,
        chart: "Guardian hours by activity type",
        swatch: ACTIVITY_COLOUR[t],
        stacked: true,
        pick: (m: QuarterMetricsLike) => m.time.guardianHoursByType[t] ?? 0,
      })),
      ...ACTIVITY_TYPE.values.map((t) => ({
        id: `builder-hours-${t}`,
        label: `Builder hours: ${ACTIVITY_TYPE.label(t).toLowerCase()}`,
        ...hours,
        chart: "Builder hours by activity type",
        swatch: ACTIVITY_COLOUR[t],
        stacked: true,
        pick: (m: QuarterMetricsLike) => m.time.builderHoursByType[t] ?? 0,
      })),
    ],
  },
  {
    id: "training",
    title: "Training completion",
    description:
      "Of the guardians active at the quarter's end, who had completed their training by then.",
    series: [
      {
        id: "required-complete",
        label: "Completed every required course",
        ...pct,
        pick: (m) => m.training.allRequiredPct,
      },
      {
        id: "optional-any",
        label: "Completed an optional course",
        ...pct,
        pick: (m) => m.training.anyOptionalPct,
      },
    ],
  },
  {
    id: "threat-models",
    title: "Threat models",
    description:
      "Threat models approved in the quarter, how many had a guardian author, and documented mitigations.",
    series: [
      { id: "tm-approved", label: "Approved", ...count, pick: (m) => m.threatModels.approved },
      {
        id: "tm-guardian-share",
        label: "Guardian-authored share",
        ...pct,
        pick: (m) => m.threatModels.guardianAuthoredPct,
      },
      {
        id: "tm-documented",
        label: "Threats with documented mitigation",
        ...pct,
        pick: (m) => m.threatModels.documentedPct,
      },
    ],
  },
  {
    id: "people",
    title: "Guardians",
    description:
      "Active guardians at the quarter's end, new guardians, retention over a year and team coverage.",
    series: [
      { id: "active", label: "Active guardians", ...count, pick: (m) => m.people.activeAtEnd },
      {
        id: "new",
        label: "New guardians",
        ...count,
        chart: NEW_GUARDIANS_CHART,
        pick: (m) => m.people.newInPeriod,
      },
      {
        id: "retention",
        label: "Retention over a year",
        ...pct,
        pick: (m) => m.people.retentionPct,
      },
      { id: "coverage", label: "Teams with a guardian", ...pct, pick: (m) => m.people.coveragePct },
      ...(["NONE", ...BELT.values] as const).map((b) => ({
        id: `belt-${b}`,
        label: b === "NONE" ? "No belt yet" : `${BELT.label(b)} belt`,
        ...count,
        chart: "Belts of the active guardians at the quarter's end",
        axis: "guardians",
        swatch: BELT_COLOUR[b],
        stacked: true,
        pick: (m: QuarterMetricsLike) => m.people.beltDistribution[b],
      })),
    ],
  },
  {
    id: "feedback",
    title: "Feedback",
    description:
      "Security engineers' ratings (1–5) of guardians' input, by the review's completion or the threat model's approval.",
    series: [
      {
        id: "rating-mean",
        label: "Mean rating",
        unit: "/5",
        digits: 2,
        pick: (m) => m.feedback.mean,
      },
      { id: "ratings", label: "Ratings given", ...count, pick: (m) => m.feedback.n },
    ],
  },
];

export function familyById(id: string): FamilyDef | undefined {
  return FAMILIES.find((f) => f.id === id);
}

export function buildSeries(family: FamilyDef, quarters: QuarterMetricsLike[]): SeriesData[] {
  return family.series.map(({ pick, ...s }) => ({
    ...s,
    points: quarters.map((q) => ({
      quarter: q.quarter,
      value: pick(q),
      ...(q.toDate ? { toDate: true } : {}),
    })),
  }));
}

/** Series grouped into charts: by their `chart`, else by unit; in order of first appearance. */
export function chartGroups(
  series: SeriesData[],
): { key: string; title: string; unit: string; axis?: string; series: SeriesData[] }[] {
  const groups = new Map<string, SeriesData[]>();
  for (const s of series) {
    const key = s.chart ?? `unit:${s.unit}`;
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  return [...groups].map(([key, group]) => ({
    key,
    title: group[0].chart ?? group.map((s) => s.label).join(" · "),
    unit: group[0].unit,
    axis: group[0].axis,
    series: group,
  }));
}

/** A family's series with extra ones (e.g. a goal) placed after the last series of the same chart. */
export function withExtraSeries(series: SeriesData[], extras: SeriesData[]): SeriesData[] {
  const result = [...series];
  for (const extra of extras) {
    const at = result.findLastIndex((s) => s.chart !== undefined && s.chart === extra.chart);
    result.splice(at === -1 ? result.length : at + 1, 0, extra);
  }
  return result;
}

/**
 * CSV of a family: one row per point, with the metric's name, the filter and the value (four
 * decimals, counts as integers: `csvNumber`); `extra` rows follow the series.
 */
export function seriesCsv(
  series: SeriesData[],
  filterLabel: string,
  extra: CsvPoint[] = [],
): string {
  const points: CsvPoint[] = series.flatMap((s) =>
    s.points.map((p) => ({
      metric: s.label,
      quarter: p.quarter,
      value: p.value,
      digits: s.digits,
      unit: s.unit,
    })),
  );
  const rows = [...points, ...extra].map((p) => [
    p.metric,
    filterLabel,
    p.quarter,
    csvNumber(p.value, p.digits === 0),
    p.unit,
  ]);
  // LF line ends, as the dashboards' CSV always had; the value column holds numbers.
  return writeCsv([["metric", "filter", "quarter", "value", "unit"], ...rows], {
    lineEnd: "\n",
    numeric: [3],
  });
}
