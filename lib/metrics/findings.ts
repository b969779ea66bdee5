import { SEVERITY, type Severity } from "@/lib/vocabulary";
import { daysBetween, mean, ratio, type Figure } from "./stats";

// Metric 4: security issues per team, time to mitigate, open at period end.

export type FindingFact = {
  severity: Severity;
  status: string;
  openedOn: Date;
  closedOn: Date | null;
};

export type FindingMetrics = {
  teams: number;
  opened: number;
  perTeam: Figure;
  perTeamBySeverity: Record<Severity, Figure>;
  mitigated: number;
  meanDaysToMitigate: Figure;
  openAtEnd: number;
};

/**
 * `findings` must hold every finding opened before the period's end; `teamsAtEnd` the teams in
 * scope with joined_on ≤ end. Period is [start, end) in UTC; "≤ end" means before `end`.
 */
export function findingMetrics(
  findings: FindingFact[],
  teamsAtEnd: number,
  start: Date,
  end: Date,
): FindingMetrics {
  const inPeriod = (d: Date) => d >= start && d < end;
  const opened = findings.filter((f) => inPeriod(f.openedOn));
  const mitigated = findings.filter(
    (f) => f.status === "MITIGATED" && f.closedOn && inPeriod(f.closedOn),
  );
  const perTeamBySeverity = Object.fromEntries(
    SEVERITY.values.map((s) => [
      s,
      ratio(opened.filter((f) => f.severity === s).length, teamsAtEnd),
    ]),
  ) as Record<Severity, Figure>;
  return {
    teams: teamsAtEnd,
    opened: opened.length,
    perTeam: ratio(opened.length, teamsAtEnd),
    perTeamBySeverity,
    mitigated: mitigated.length,
    meanDaysToMitigate: mean(mitigated.map((f) => daysBetween(f.openedOn, f.closedOn!))),
    openAtEnd: findings.filter(
      (f) => f.openedOn < end && (f.closedOn === null || f.closedOn >= end),
    ).length,
  };
}
