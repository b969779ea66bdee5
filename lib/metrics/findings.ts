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

/** One severity's findings in a period, as the database aggregates them. */
export type FindingGroup = {
  severity: Severity;
  opened: number;
  mitigated: number;
  /** Sum of opened-to-closed days of the mitigated ones. */
  mitigatedDays: number;
  openAtEnd: number;
};

/** Metric 4 from the database's aggregates (the same figures as from the rows). */
export function findingMetricsFromGroups(
  groups: FindingGroup[],
  teamsAtEnd: number,
): FindingMetrics {
  const total = (f: (g: FindingGroup) => number) => groups.reduce((s, g) => s + f(g), 0);
  const opened = total((g) => g.opened);
  const mitigated = total((g) => g.mitigated);
  const perTeamBySeverity = Object.fromEntries(
    SEVERITY.values.map((s) => [
      s,
      ratio(groups.find((g) => g.severity === s)?.opened ?? 0, teamsAtEnd),
    ]),
  ) as Record<Severity, Figure>;
  return {
    teams: teamsAtEnd,
    opened,
    perTeam: ratio(opened, teamsAtEnd),
    perTeamBySeverity,
    mitigated,
    meanDaysToMitigate: ratio(
      total((g) => g.mitigatedDays),
      mitigated,
    ),
    openAtEnd: total((g) => g.openAtEnd),
  };
}
