import { isActiveOn } from "@/lib/active-guardian";
import { isHeldOn, type BeltPeriod } from "@/lib/belts/validity";
import { BELT, type Belt } from "@/lib/vocabulary";
import { activeGuardiansOn, lastDay, type ActiveInterval } from "./guardians";
import { percent, type Figure } from "./stats";

// Metric 8: people. Belts: the highest belt held on the period's last day (docs/metrics.md,
// "held belt": awarded by then, not expired, not revoked).
export type BeltAwardFact = BeltPeriod & { userId: number };

export type PeopleMetrics = {
  activeAtEnd: number;
  newInPeriod: number;
  retentionPct: Figure;
  retentionBase: number;
  coveragePct: Figure;
  coveredTeams: number;
  teamsAtEnd: number;
  beltDistribution: Record<Belt | "NONE", number>;
};

export function peopleMetrics(input: {
  intervals: ActiveInterval[];
  teamIdsAtEnd: number[];
  awards: BeltAwardFact[];
  start: Date;
  end: Date;
}): PeopleMetrics {
  const last = lastDay(input.end);
  const active = activeGuardiansOn(input.intervals, last);
  const yearBefore = new Date(
    Date.UTC(last.getUTCFullYear() - 1, last.getUTCMonth(), last.getUTCDate()),
  );
  const activeYearBefore = activeGuardiansOn(input.intervals, yearBefore);
  const stillActive = [...activeYearBefore].filter((u) => active.has(u)).length;
  // New: a person whose first activation falls in the period.
  const firstActive = new Map<number, Date>();
  for (const i of input.intervals) {
    const prev = firstActive.get(i.userId);
    if (!prev || i.activeOn < prev) firstActive.set(i.userId, i.activeOn);
  }
  const newInPeriod = [...firstActive.values()].filter(
    (d) => d >= input.start && d < input.end,
  ).length;
  const teamSet = new Set(input.teamIdsAtEnd);
  const covered = new Set(
    input.intervals
      .filter((i) => teamSet.has(i.teamId) && isActiveOn(i, last))
      .map((i) => i.teamId),
  );
  const highest = new Map<number, number>();
  for (const a of input.awards) {
    if (!isHeldOn(a, last)) continue;
    highest.set(a.userId, Math.max(highest.get(a.userId) ?? -1, BELT.rank(a.belt)));
  }
  const beltDistribution = { NONE: 0, WHITE: 0, YELLOW: 0, GREEN: 0, BLACK: 0 };
  for (const userId of active) {
    const rung = highest.get(userId);
    beltDistribution[rung === undefined ? "NONE" : BELT.values[rung]]++;
  }
  return {
    activeAtEnd: active.size,
    newInPeriod,
    retentionPct: percent(stillActive, activeYearBefore.size),
    retentionBase: activeYearBefore.size,
    coveragePct: percent(covered.size, teamSet.size),
    coveredTeams: covered.size,
    teamsAtEnd: teamSet.size,
    beltDistribution,
  };
}
