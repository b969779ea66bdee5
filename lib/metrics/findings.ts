import { daysBetween, mean, ratio, type Figure } from "./stats";

// Metric 4: security issues per team, time to mitigate, open at period end.
export const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;
export type SeverityName = (typeof SEVERITIES)[number];

export type FindingFact = {
  severity: SeverityName;
  status: string;
  openedOn: Date;
  closedOn: Date | null;
};

export type FindingMetrics = {
  teams: number;
  opened: number;
  perTeam: Figure;
  perTeamBySeverity: Record<SeverityName, Figure>;
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
    SEVERITIES.map((s) => [s, ratio(opened.filter((f) => f.severity === s).length, teamsAtEnd)]),
  ) as Record<SeverityName, Figure>;
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
