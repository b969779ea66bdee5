import { describe, expect, it } from "vitest";
import { csvNumber } from "@/lib/metrics/csv-number";
import { newGuardiansGoalSeries } from "@/lib/metrics/goals";
import type { QuarterMetricsLike } from "@/lib/metrics/quarter-types";
import {
  buildSeries,
  chartGroups,
  familyById,
  seriesCsv,
  withExtraSeries,
} from "@/lib/metrics/series";

const s = (n: number | null) => ({ n: n === null ? 0 : 1, mean: n, median: n });
// One quarter's metrics, with only the fields the new series read filled in.
const quarter = {
  quarter: "2026-Q3",
  releases: {
    "with-guardian": { n: 2, mean: 10, median: 9 },
    "without-guardian": { n: 1, mean: 20, median: 20 },
    "review-not-completed": { n: 1, mean: 30, median: 30 },
    "no-review": s(null),
    all: { n: 4, mean: 17.5, median: 15 },
  },
  findings: {
    perTeam: 2,
    perTeamBySeverity: { CRITICAL: 0.5, HIGH: 0.5, MEDIUM: 0.25, LOW: 0.75 },
    opened: 8,
    mitigated: 3,
    meanDaysToMitigate: 12,
    openAtEnd: 6,
    teams: 4,
  },
  time: {
    hoursPerGuardianMonth: 3.5,
    guardianHours: 21,
    builderHours: 4,
    guardianMonths: 6,
    guardianHoursByType: { REVIEW: 20, QUESTION: 1 },
    builderHoursByType: { OTHER: 4 },
  },
  people: {
    activeAtEnd: 5,
    newInPeriod: 2,
    retentionPct: 80,
    retentionBase: 5,
    coveragePct: 50,
    coveredTeams: 2,
    teamsAtEnd: 4,
    beltDistribution: { NONE: 1, WHITE: 2, YELLOW: 1, GREEN: 1, BLACK: 0 },
  },
} as unknown as QuarterMetricsLike;
const point = (family: string, id: string) =>
  buildSeries(familyById(family)!, [quarter]).find((x) => x.id === id)?.points[0].value;

describe("detail-view series", () => {
  it("releases: mean and median for every split", () => {
    expect(
      [
        "release-mean-with",
        "release-mean-without",
        "release-mean-not-completed",
        "release-mean-none",
        "release-mean-all",
      ].map((id) => point("releases", id)),
    ).toEqual([10, 20, 30, null, 17.5]);
    expect(
      [
        "release-median-with",
        "release-median-without",
        "release-median-not-completed",
        "release-median-none",
        "release-median-all",
      ].map((id) => point("releases", id)),
    ).toEqual([9, 20, 30, null, 15]);
    expect(point("releases", "releases-with")).toBe(2);
    expect(point("releases", "releases-not-completed")).toBe(1);
  });

  it("findings: every severity per team, and opened, mitigated and open at the end", () => {
    expect(
      ["findings-critical", "findings-high", "findings-medium", "findings-low"].map((id) =>
        point("findings", id),
      ),
    ).toEqual([0.5, 0.5, 0.25, 0.75]);
    expect(
      ["findings-opened", "findings-mitigated", "open-at-end"].map((id) => point("findings", id)),
    ).toEqual([8, 3, 6]);
  });

  it("time: guardian and builder hours by activity type, 0 for a type nobody logged", () => {
    expect(point("time", "guardian-hours-REVIEW")).toBe(20);
    expect(point("time", "guardian-hours-DEEP_DIVE")).toBe(0);
    expect(point("time", "builder-hours-OTHER")).toBe(4);
    expect(
      buildSeries(familyById("time")!, [quarter]).filter(
        (x) => x.chart === "Guardian hours by activity type",
      ),
    ).toHaveLength(8);
  });

  it("people: the belt distribution at the quarter's end", () => {
    expect(
      ["belt-NONE", "belt-WHITE", "belt-YELLOW", "belt-GREEN", "belt-BLACK"].map((id) =>
        point("people", id),
      ),
    ).toEqual([1, 2, 1, 1, 0]);
  });

  it("groups series into charts by chart name, else by unit, in order", () => {
    const groups = chartGroups(buildSeries(familyById("findings")!, [quarter]));
    expect(groups.map((g) => [g.title, g.series.length])).toEqual([
      ["Findings opened per team", 5],
      ["Mean time to mitigate", 1],
      ["Open vs mitigated", 3],
    ]);
  });
});

describe("new guardians against the goal", () => {
  const quarters = ["2026-Q2", "2026-Q3"];
  it("charts a quarterly goal as is and a yearly one spread over its quarters", () => {
    expect(
      newGuardiansGoalSeries(quarters, { target: 3, period: "QUARTER" })!.points.map(
        (p) => p.value,
      ),
    ).toEqual([3, 3]);
    expect(
      newGuardiansGoalSeries(quarters, { target: 10, period: "YEAR" })!.points.map((p) => p.value),
    ).toEqual([2.5, 2.5]);
    expect(newGuardiansGoalSeries(quarters, null)).toBeNull();
  });
  it("sits beside the new guardians in the people view, table and CSV", () => {
    const goal = newGuardiansGoalSeries(["2026-Q3"], { target: 3, period: "QUARTER" })!;
    const series = withExtraSeries(buildSeries(familyById("people")!, [quarter]), [goal]);
    expect(series.map((x) => x.id).slice(0, 3)).toEqual(["active", "new", "new-goal"]);
    expect(
      chartGroups(series)
        .find((g) => g.title === "New guardians")!
        .series.map((x) => x.id),
    ).toEqual(["new", "new-goal"]);
    expect(seriesCsv(series, "whole program")).toContain(
      '"Program goal: new guardians per quarter","whole program","2026-Q3",3,\n',
    );
  });
});

describe("the CSV's values", () => {
  it("carry four decimals, so a difference below 0.05 shows; counts stay integers", () => {
    const lines = seriesCsv(buildSeries(familyById("releases")!, [quarter]), "whole program")
      .trim()
      .split("\n");
    expect(lines).toContain('"Mean, all releases","whole program","2026-Q3",17.5000,"days"');
    expect(lines).toContain(
      '"Mean, review with guardian","whole program","2026-Q3",10.0000,"days"',
    );
    expect(lines).toContain('"Releases, review with guardian","whole program","2026-Q3",2,');
    expect(lines).toContain('"Mean, no linked review","whole program","2026-Q3",,"days"');
  });
  it("write a blank, never Infinity or NaN, for a figure no number can say", () => {
    expect(csvNumber(Infinity)).toBe("");
    expect(csvNumber(Number.NaN)).toBe("");
    expect(csvNumber(null, true)).toBe("");
    expect(csvNumber(2.5, true)).toBe("2.5000"); // a count spread over quarters is no count
    expect(csvNumber(0.04999)).toBe("0.0500");
    expect(csvNumber(40 / 3)).toBe("13.3333");
  });
});
