import { describe, expect, it } from "vitest";
import {
  teamCycleTime,
  teamFeedbackMean,
  teamFindingsOpened,
  teamGuardianAuthoredPct,
  teamHoursPerGuardianMonth,
  teamMitigationTime,
  teamReleaseTime,
  teamReviewEffort,
  teamTrainingCompletion,
} from "@/lib/metrics/team-figures";
import { teamOptions } from "@/lib/metrics/team-options";
import { worseThanMedian } from "@/lib/metrics/where-to-act";

const d = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
const Q3 = { start: d("2026-07-01"), end: d("2026-10-01") };

describe("per-team figures", () => {
  it("review cycle time and effort per team; a team without reviews has no figure", () => {
    const reviews = [
      {
        teamId: 1,
        requestedAt: d("2026-07-01"),
        completedAt: d("2026-07-03"),
        effortQuarterHours: 8,
        withGuardian: true,
      },
      {
        teamId: 1,
        requestedAt: d("2026-07-01"),
        completedAt: d("2026-07-07"),
        effortQuarterHours: null,
        withGuardian: false,
      },
      {
        teamId: 2,
        requestedAt: d("2026-08-01"),
        completedAt: d("2026-08-11"),
        effortQuarterHours: 20,
        withGuardian: false,
      },
    ];
    const cycle = teamCycleTime(reviews);
    expect([cycle(1), cycle(2), cycle(3)]).toEqual([4, 10, null]);
    const effort = teamReviewEffort(reviews);
    expect([effort(1), effort(2), effort(3)]).toEqual([2, 5, null]);
  });

  it("releases, threat models and feedback per team", () => {
    const release = teamReleaseTime([
      { teamId: 1, startedOn: d("2026-07-01"), releasedOn: d("2026-07-11"), link: "no-review" },
      { teamId: 1, startedOn: d("2026-07-01"), releasedOn: d("2026-07-21"), link: "with-guardian" },
    ]);
    expect([release(1), release(2)]).toEqual([15, null]);
    const share = teamGuardianAuthoredPct([
      { teamId: 1, guardianAuthored: true, threats: [] },
      { teamId: 1, guardianAuthored: false, threats: [] },
      { teamId: 2, guardianAuthored: false, threats: [] },
    ]);
    expect([share(1), share(2), share(3)]).toEqual([50, 0, null]);
    const rating = teamFeedbackMean([
      { teamId: 1, rating: 4 },
      { teamId: 1, rating: 5 },
      { teamId: 2, rating: 2 },
    ]);
    expect([rating(1), rating(2), rating(3)]).toEqual([4.5, 2, null]);
  });

  it("findings opened in the period (0 for a team with none) and time to mitigate", () => {
    const findings = [
      {
        teamId: 1,
        severity: "HIGH" as const,
        status: "MITIGATED",
        openedOn: d("2026-07-05"),
        closedOn: d("2026-07-15"),
      },
      {
        teamId: 1,
        severity: "LOW" as const,
        status: "OPEN",
        openedOn: d("2026-06-01"),
        closedOn: null,
      }, // opened before the period
      {
        teamId: 2,
        severity: "LOW" as const,
        status: "MITIGATED",
        openedOn: d("2026-06-01"),
        closedOn: d("2026-07-01"),
      },
    ];
    const opened = teamFindingsOpened(findings, Q3.start, Q3.end);
    expect([opened(1), opened(2), opened(3)]).toEqual([1, 0, 0]);
    const mitigate = teamMitigationTime(findings, Q3.start, Q3.end);
    expect([mitigate(1), mitigate(2), mitigate(3)]).toEqual([10, 30, null]);
  });

  it("hours per guardian-month of each team's guardians, on the days they guarded that team", () => {
    const intervals = [
      { userId: 1, teamId: 1, activeOn: d("2026-01-01"), leftOn: null }, // team 1: Jul, Aug, Sep
      { userId: 2, teamId: 2, activeOn: d("2026-09-01"), leftOn: null }, // team 2: Sep
      { userId: 2, teamId: 1, activeOn: d("2026-01-01"), leftOn: d("2026-07-31") }, // team 1: Jul
    ];
    const hours = teamHoursPerGuardianMonth(
      [
        { userId: 1, date: d("2026-07-10"), quarterHours: 16, type: "REVIEW" },
        { userId: 2, date: d("2026-07-20"), quarterHours: 8, type: "QUESTION" }, // guarding team 1 then
        // guarding nobody: not a guardian's hour
        { userId: 2, date: d("2026-08-20"), quarterHours: 8, type: "QUESTION" },
        { userId: 2, date: d("2026-09-20"), quarterHours: 6, type: "QUESTION" }, // guarding team 2
        { userId: 9, date: d("2026-09-20"), quarterHours: 40, type: "OTHER" }, // a builder
      ],
      intervals,
      Q3.start,
      Q3.end,
    );
    expect(hours(1)).toBe(6 / 4); // (4 + 2) h over 3 + 1 guardian-months
    expect(hours(2)).toBe(1.5);
    expect(hours(3)).toBeNull();
  });

  it("required training of each team's active guardians", () => {
    const intervals = [
      { userId: 1, teamId: 1, activeOn: d("2026-01-01"), leftOn: null },
      { userId: 2, teamId: 1, activeOn: d("2026-01-01"), leftOn: null },
      { userId: 3, teamId: 2, activeOn: d("2026-01-01"), leftOn: d("2026-08-01") }, // gone by the end
    ];
    const completions = [
      { userId: 1, courseId: 10, completedOn: d("2026-02-01") },
      { userId: 2, courseId: 10, completedOn: d("2026-10-02") },
      { userId: 3, courseId: 10, completedOn: d("2026-02-01") },
    ];
    const pct = teamTrainingCompletion(intervals, completions, [10], d("2026-09-30"));
    expect([pct(1), pct(2)]).toEqual([50, null]);
    expect(teamTrainingCompletion(intervals, completions, [], d("2026-09-30"))(1)).toBeNull();
  });

  it("where to act lists ties by the order given (teams sorted by name)", () => {
    const teams = [
      { id: 3, name: "Alpha" },
      { id: 1, name: "Beta" },
      { id: 2, name: "Gamma" },
      { id: 4, name: "Delta" },
    ];
    const value = new Map([
      [3, 1],
      [1, 9],
      [2, 5],
      [4, 5],
    ]);
    // median 5; Alpha (1) and Beta (9) both 4 away, each on one side; Gamma and Delta at it.
    const names = (worse: "higher" | "lower") =>
      worseThanMedian(teams, (t) => value.get(t.id)!, worse).rows.map((o) => o.item.name);
    expect(names("higher")).toEqual(["Beta"]);
    expect(names("lower")).toEqual(["Alpha"]);
    value.set(2, 9);
    value.set(4, 1);
    // median 5 again; two teams 4 away on each side, in the order given.
    expect(names("higher")).toEqual(["Beta", "Gamma"]);
    expect(names("lower")).toEqual(["Alpha", "Delta"]);
  });
});

describe("team filter options", () => {
  it("labels a team by name, adding the organisation (and the id) only where names repeat", () => {
    expect(
      teamOptions([
        { id: 1, name: "Ledger Core", orgName: "Payments Core" },
        { id: 2, name: "Ledger Core", orgName: "Retail Core" },
        { id: 3, name: "Search", orgName: "Retail Core" },
        { id: 4, name: "Sync", orgName: "Data" },
        { id: 5, name: "Sync", orgName: "Data" },
      ]).map((o) => o.label),
    ).toEqual([
      "Ledger Core (Payments Core)",
      "Ledger Core (Retail Core)",
      "Search",
      "Sync (Data, #4)",
      "Sync (Data, #5)",
    ]);
  });
});
