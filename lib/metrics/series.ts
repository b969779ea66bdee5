import type { QuarterMetricsLike } from "./quarter-types";
import type { Figure } from "./stats";

// What each dashboard view charts: series over quarters, shared by chart, table and CSV.
export type SeriesDef = { id: string; label: string; unit: string; digits: number; pick: (m: QuarterMetricsLike) => Figure };
export type FamilyDef = { id: string; title: string; description: string; series: SeriesDef[] };
export type SeriesData = { id: string; label: string; unit: string; digits: number; points: { quarter: string; value: Figure }[] };

const days = { unit: "days", digits: 1 };
const pct = { unit: "%", digits: 1 };
const hours = { unit: "h", digits: 1 };
const count = { unit: "", digits: 0 };

export const FAMILIES: FamilyDef[] = [
  { id: "reviews", title: "Review cycle time and effort", description: "Reviews completed in the quarter: requested to completed, with and without a guardian.", series: [
    { id: "cycle-mean-with", label: "Mean cycle time, with guardian", ...days, pick: (m) => m.cycle.withGuardian.mean },
    { id: "cycle-mean-without", label: "Mean cycle time, without guardian", ...days, pick: (m) => m.cycle.withoutGuardian.mean },
    { id: "cycle-median-with", label: "Median cycle time, with guardian", ...days, pick: (m) => m.cycle.withGuardian.median },
    { id: "cycle-median-without", label: "Median cycle time, without guardian", ...days, pick: (m) => m.cycle.withoutGuardian.median },
    { id: "cycle-reduction", label: "Cycle-time reduction with guardian", ...pct, pick: (m) => m.cycle.reductionPct },
    { id: "effort-with", label: "Mean effort, with guardian", ...hours, pick: (m) => m.effort.withGuardian },
    { id: "effort-without", label: "Mean effort, without guardian", ...hours, pick: (m) => m.effort.withoutGuardian },
    { id: "reviews-completed", label: "Reviews completed", ...count, pick: (m) => m.cycle.all.n },
  ] },
  { id: "releases", title: "Time to release features", description: "Releases in the quarter: started to released, by how their linked review was run.", series: [
    { id: "release-mean-with", label: "Mean, review with guardian", ...days, pick: (m) => m.releases["with-guardian"].mean },
    { id: "release-mean-without", label: "Mean, review without guardian", ...days, pick: (m) => m.releases["without-guardian"].mean },
    { id: "release-mean-none", label: "Mean, no linked review", ...days, pick: (m) => m.releases["no-review"].mean },
    { id: "release-median-all", label: "Median, all releases", ...days, pick: (m) => m.releases.all.median },
  ] },
  { id: "findings", title: "Security issues", description: "Findings opened per team in scope, time to mitigate, and findings open at the quarter's end.", series: [
    { id: "findings-per-team", label: "Findings per team", unit: "", digits: 2, pick: (m) => m.findings.perTeam },
    { id: "findings-critical", label: "Critical per team", unit: "", digits: 2, pick: (m) => m.findings.perTeamBySeverity.CRITICAL },
    { id: "findings-high", label: "High per team", unit: "", digits: 2, pick: (m) => m.findings.perTeamBySeverity.HIGH },
    { id: "mitigate-days", label: "Mean time to mitigate", ...days, pick: (m) => m.findings.meanDaysToMitigate },
    { id: "open-at-end", label: "Open at quarter end", ...count, pick: (m) => m.findings.openAtEnd },
  ] },
  { id: "time", title: "Time on security work", description: "Hours logged by guardians (on days they were active) and by builders.", series: [
    { id: "hours-per-guardian-month", label: "Hours per guardian-month", unit: "h", digits: 2, pick: (m) => m.time.hoursPerGuardianMonth },
    { id: "guardian-hours", label: "Guardian hours", ...hours, pick: (m) => m.time.guardianHours },
    { id: "builder-hours", label: "Builder hours", ...hours, pick: (m) => m.time.builderHours },
  ] },
  { id: "training", title: "Training completion", description: "Of the guardians active at the quarter's end, who had completed their training by then.", series: [
    { id: "required-complete", label: "Completed every required course", ...pct, pick: (m) => m.training.allRequiredPct },
    { id: "optional-any", label: "Completed an optional course", ...pct, pick: (m) => m.training.anyOptionalPct },
  ] },
  { id: "threat-models", title: "Threat models", description: "Threat models approved in the quarter, how many had a guardian author, and documented mitigations.", series: [
    { id: "tm-approved", label: "Approved", ...count, pick: (m) => m.threatModels.approved },
    { id: "tm-guardian-share", label: "Guardian-authored share", ...pct, pick: (m) => m.threatModels.guardianAuthoredPct },
    { id: "tm-documented", label: "Threats with documented mitigation", ...pct, pick: (m) => m.threatModels.documentedPct },
  ] },
  { id: "people", title: "Guardians", description: "Active guardians at the quarter's end, new guardians, retention over a year and team coverage.", series: [
    { id: "active", label: "Active guardians", ...count, pick: (m) => m.people.activeAtEnd },
    { id: "new", label: "New guardians", ...count, pick: (m) => m.people.newInPeriod },
    { id: "retention", label: "Retention over a year", ...pct, pick: (m) => m.people.retentionPct },
    { id: "coverage", label: "Teams with a guardian", ...pct, pick: (m) => m.people.coveragePct },
  ] },
  { id: "feedback", title: "Feedback", description: "Security engineers' ratings (1–5) of guardians' input, by the review's completion or the threat model's approval.", series: [
    { id: "rating-mean", label: "Mean rating", unit: "/5", digits: 2, pick: (m) => m.feedback.mean },
    { id: "ratings", label: "Ratings given", ...count, pick: (m) => m.feedback.n },
  ] },
];

export function familyById(id: string): FamilyDef | undefined {
  return FAMILIES.find((f) => f.id === id);
}

export function buildSeries(family: FamilyDef, quarters: QuarterMetricsLike[]): SeriesData[] {
  return family.series.map(({ pick, ...s }) => ({ ...s, points: quarters.map((q) => ({ quarter: q.quarter, value: pick(q) })) }));
}

/** CSV of a family: one row per point, with the metric's name, the filter and the value. */
export function seriesCsv(series: SeriesData[], filterLabel: string): string {
  const esc = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ["metric,filter,quarter,value,unit"];
  for (const s of series) {
    for (const p of s.points) lines.push([s.label, filterLabel, p.quarter, p.value === null ? "" : p.value.toFixed(s.digits), s.unit].map(esc).join(","));
  }
  return lines.join("\n") + "\n";
}
