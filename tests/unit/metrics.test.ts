import { describe, expect, it } from "vitest";
import { findingMetrics } from "@/lib/metrics/findings";
import { isActiveOn } from "@/lib/active-guardian";
import { guardianMonths, monthsOf } from "@/lib/metrics/guardians";
import { peopleMetrics } from "@/lib/metrics/people";
import { releaseMetrics } from "@/lib/metrics/releases";
import { reviewCycleMetrics, reviewEffortMetrics, type ReviewFact } from "@/lib/metrics/reviews";
import { riskBudget } from "@/lib/metrics/risk";
import { securityTimeMetrics } from "@/lib/metrics/security-time";
import { formatFigure, mean, median, percent } from "@/lib/metrics/stats";
import { threatModelMetrics } from "@/lib/metrics/threat-models";
import { trainingMetrics } from "@/lib/metrics/training";
import { trendDirection } from "@/lib/metrics/trend";

const d = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
const Q3 = { start: d("2026-07-01"), end: d("2026-10-01") };

describe("stats", () => {
  it("says 'not enough data' instead of 0 or NaN", () => {
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
    expect(percent(3, 0)).toBeNull();
    expect(formatFigure(null)).toBe("not enough data");
    expect(formatFigure(26.94, 1, "%")).toBe("26.9%");
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe("review cycle time and effort", () => {
  // Hand-computed: with guardian 2 and 4 days (mean 3); without 4, 4 and 7 days (mean 5).
  const reviews: ReviewFact[] = [
    {
      requestedAt: d("2026-07-01T00:00:00Z"),
      completedAt: d("2026-07-03T00:00:00Z"),
      effortQuarterHours: 16,
      withGuardian: true,
    },
    {
      requestedAt: d("2026-07-10T12:00:00Z"),
      completedAt: d("2026-07-14T12:00:00Z"),
      effortQuarterHours: 12,
      withGuardian: true,
    },
    {
      requestedAt: d("2026-08-01T00:00:00Z"),
      completedAt: d("2026-08-05T00:00:00Z"),
      effortQuarterHours: 24,
      withGuardian: false,
    },
    {
      requestedAt: d("2026-08-01T00:00:00Z"),
      completedAt: d("2026-08-05T00:00:00Z"),
      effortQuarterHours: null,
      withGuardian: false,
    },
    {
      requestedAt: d("2026-09-01T00:00:00Z"),
      completedAt: d("2026-09-08T00:00:00Z"),
      effortQuarterHours: 20,
      withGuardian: false,
    },
  ];
  it("computes mean, median and reduction exactly as defined", () => {
    const m = reviewCycleMetrics(reviews);
    expect(m.withGuardian).toEqual({ n: 2, mean: 3, median: 3 });
    expect(m.withoutGuardian).toEqual({ n: 3, mean: 5, median: 4 });
    expect(m.reductionPct).toBeCloseTo(40, 10); // (5 − 3) / 5 × 100
    expect(m.all.mean).toBeCloseTo(21 / 5, 10);
  });
  it("handles fractional days", () => {
    const m = reviewCycleMetrics([
      {
        requestedAt: d("2026-07-01T00:00:00Z"),
        completedAt: d("2026-07-01T18:00:00Z"),
        effortQuarterHours: null,
        withGuardian: true,
      },
    ]);
    expect(m.withGuardian.mean).toBe(0.75);
  });
  it("has no reduction when one side is empty", () => {
    expect(reviewCycleMetrics(reviews.filter((r) => r.withGuardian)).reductionPct).toBeNull();
    expect(reviewCycleMetrics([]).withGuardian).toEqual({ n: 0, mean: null, median: null });
  });
  it("averages effort hours over reviews that recorded effort", () => {
    expect(reviewEffortMetrics(reviews)).toEqual({
      withGuardian: 3.5,
      withoutGuardian: 5.5,
      all: 4.5,
    });
    expect(reviewEffortMetrics([]).all).toBeNull();
  });
});

describe("time to release", () => {
  it("splits by the linked review", () => {
    const m = releaseMetrics([
      { startedOn: d("2026-07-01"), releasedOn: d("2026-07-11"), link: "with-guardian" },
      { startedOn: d("2026-07-01"), releasedOn: d("2026-07-21"), link: "without-guardian" },
      { startedOn: d("2026-07-01"), releasedOn: d("2026-07-31"), link: "without-guardian" },
    ]);
    expect(m["with-guardian"]).toEqual({ n: 1, mean: 10, median: 10 });
    expect(m["without-guardian"]).toEqual({ n: 2, mean: 25, median: 25 });
    expect(m["no-review"]).toEqual({ n: 0, mean: null, median: null });
  });
});

describe("findings", () => {
  const findings = [
    {
      severity: "HIGH" as const,
      status: "MITIGATED",
      openedOn: d("2026-07-05"),
      closedOn: d("2026-07-15"),
    }, // opened in Q3, mitigated in Q3 after 10 days
    // opened, open at end
    { severity: "LOW" as const, status: "OPEN", openedOn: d("2026-08-01"), closedOn: null },
    {
      severity: "HIGH" as const,
      status: "MITIGATED",
      openedOn: d("2026-06-01"),
      closedOn: d("2026-07-01"),
    }, // opened Q2, mitigated Q3 after 30 days
    {
      severity: "CRITICAL" as const,
      status: "ACCEPTED",
      openedOn: d("2026-05-01"),
      closedOn: d("2026-10-01"),
    }, // closed after the end: open at end
    {
      severity: "MEDIUM" as const,
      status: "MITIGATED",
      openedOn: d("2026-09-30"),
      closedOn: d("2026-10-02"),
    }, // opened Q3 on the last day
  ];
  it("counts per team, by severity, time to mitigate and open at end", () => {
    const m = findingMetrics(findings, 2, Q3.start, Q3.end);
    expect(m.opened).toBe(3);
    expect(m.perTeam).toBe(1.5);
    expect(m.perTeamBySeverity).toEqual({ CRITICAL: 0, HIGH: 0.5, MEDIUM: 0.5, LOW: 0.5 });
    expect(m.mitigated).toBe(2);
    expect(m.meanDaysToMitigate).toBe(20);
    expect(m.openAtEnd).toBe(3);
  });
  it("has no per-team figure without teams", () => {
    expect(findingMetrics(findings, 0, Q3.start, Q3.end).perTeam).toBeNull();
  });
});

describe("guardian activity windows", () => {
  it("counts the left day as active", () => {
    expect(
      isActiveOn({ activeOn: d("2026-07-01"), leftOn: d("2026-07-31") }, d("2026-07-31T23:00:00Z")),
    ).toBe(true);
    expect(
      isActiveOn({ activeOn: d("2026-07-01"), leftOn: d("2026-07-31") }, d("2026-08-01")),
    ).toBe(false);
  });
  it("splits a quarter into months", () => {
    expect(monthsOf(Q3.start, Q3.end).map((m) => m.start.toISOString().slice(0, 7))).toEqual([
      "2026-07",
      "2026-08",
      "2026-09",
    ]);
  });
  it("counts guardian-months: a month counts when active at least one day", () => {
    const intervals = [
      { userId: 1, teamId: 1, activeOn: d("2026-01-01"), leftOn: null }, // 3 months
      { userId: 2, teamId: 1, activeOn: d("2026-08-31"), leftOn: d("2026-09-01") }, // Aug + Sep = 2
      { userId: 3, teamId: 2, activeOn: d("2026-05-01"), leftOn: d("2026-06-30") }, // none
      { userId: 1, teamId: 2, activeOn: d("2026-07-01"), leftOn: null }, // same person twice: still 3
    ];
    expect(guardianMonths(intervals, Q3.start, Q3.end)).toBe(5);
  });
});

describe("time on security work", () => {
  it("splits guardian and builder hours by the day's guardian status", () => {
    const intervals = [{ userId: 1, teamId: 1, activeOn: d("2026-08-01"), leftOn: null }];
    const m = securityTimeMetrics(
      [
        // before activation: builder hours
        { userId: 1, date: d("2026-07-15"), quarterHours: 8, type: "REVIEW" },
        { userId: 1, date: d("2026-08-10"), quarterHours: 10, type: "REVIEW" },
        { userId: 1, date: d("2026-09-10"), quarterHours: 4, type: "QUESTION" },
        { userId: 2, date: d("2026-09-10"), quarterHours: 2, type: "OTHER" },
      ],
      intervals,
      Q3.start,
      Q3.end,
    );
    expect(m.guardianHours).toBe(3.5);
    expect(m.builderHours).toBe(2.5);
    expect(m.guardianMonths).toBe(2);
    expect(m.hoursPerGuardianMonth).toBe(1.75);
    expect(m.guardianHoursByType).toEqual({ REVIEW: 2.5, QUESTION: 1 });
    expect(m.builderHoursByType).toEqual({ REVIEW: 2, OTHER: 0.5 });
  });
  it("has no rate without guardians", () => {
    expect(securityTimeMetrics([], [], Q3.start, Q3.end).hoursPerGuardianMonth).toBeNull();
  });
});

describe("training", () => {
  it("counts completions on or before the last day", () => {
    const m = trainingMetrics({
      activeGuardians: [1, 2, 3, 4],
      requiredCourseIds: [10, 11],
      optionalCourseIds: [20],
      completions: [
        { userId: 1, courseId: 10, completedOn: d("2026-01-01") },
        { userId: 1, courseId: 11, completedOn: d("2026-09-30") },
        { userId: 2, courseId: 10, completedOn: d("2026-01-01") },
        { userId: 2, courseId: 11, completedOn: d("2026-10-01") },
        { userId: 3, courseId: 20, completedOn: d("2026-02-01") },
        { userId: 9, courseId: 20, completedOn: d("2026-02-01") },
      ],
      lastDay: d("2026-09-30"),
    });
    expect(m).toEqual({ guardians: 4, allRequiredPct: 25, anyOptionalPct: 25 });
    expect(
      trainingMetrics({
        activeGuardians: [],
        requiredCourseIds: [1],
        optionalCourseIds: [],
        completions: [],
        lastDay: d("2026-09-30"),
      }).allRequiredPct,
    ).toBeNull();
  });
  it("has no completion figure when there is no required (or optional) course", () => {
    const m = trainingMetrics({
      activeGuardians: [1, 2],
      requiredCourseIds: [],
      optionalCourseIds: [],
      completions: [{ userId: 1, courseId: 7, completedOn: d("2026-01-01") }],
      lastDay: d("2026-09-30"),
    });
    expect(m).toEqual({ guardians: 2, allRequiredPct: null, anyOptionalPct: null });
    expect(
      trainingMetrics({
        activeGuardians: [1, 2],
        requiredCourseIds: [],
        optionalCourseIds: [7],
        completions: [{ userId: 1, courseId: 7, completedOn: d("2026-01-01") }],
        lastDay: d("2026-09-30"),
      }),
    ).toEqual({ guardians: 2, allRequiredPct: null, anyOptionalPct: 50 });
  });
});

describe("threat models", () => {
  it("computes guardian-authored share and documented mitigations", () => {
    const m = threatModelMetrics([
      {
        guardianAuthored: true,
        threats: [{ mitigationStatus: "NONE" }, { mitigationStatus: "PLANNED" }],
      },
      {
        guardianAuthored: false,
        threats: [{ mitigationStatus: "IMPLEMENTED" }, { mitigationStatus: "ACCEPTED" }],
      },
      { guardianAuthored: true, threats: [] },
    ]);
    expect(m.approved).toBe(3);
    expect(m.guardianAuthoredPct).toBeCloseTo(200 / 3, 10);
    expect(m.documentedPct).toBe(75);
    expect(threatModelMetrics([]).documentedPct).toBeNull();
  });
});

describe("people", () => {
  it("computes active, new, retention, coverage and belts at the period's end", () => {
    const m = peopleMetrics({
      intervals: [
        { userId: 1, teamId: 1, activeOn: d("2025-01-01"), leftOn: null }, // active a year before and now
        // active a year before, gone
        { userId: 2, teamId: 1, activeOn: d("2025-02-01"), leftOn: d("2026-03-01") },
        { userId: 3, teamId: 2, activeOn: d("2026-08-15"), leftOn: null }, // new in Q3
        { userId: 4, teamId: 3, activeOn: d("2026-10-02"), leftOn: null }, // after the period
      ],
      teamIdsAtEnd: [1, 2, 3, 4],
      awards: [
        { userId: 1, belt: "WHITE", awardedOn: d("2025-01-01"), revokedAt: null },
        { userId: 1, belt: "GREEN", awardedOn: d("2026-02-01"), revokedAt: null },
        { userId: 1, belt: "BLACK", awardedOn: d("2026-10-15"), revokedAt: null },
        { userId: 3, belt: "YELLOW", awardedOn: d("2026-09-01"), revokedAt: d("2026-09-15") },
        // Expired on the period's last day: not held at its end.
        {
          userId: 3,
          belt: "WHITE",
          awardedOn: d("2025-09-30"),
          expiresOn: d("2026-09-30"),
          revokedAt: null,
        },
      ],
      ...Q3,
    });
    expect(m).toEqual({
      activeAtEnd: 2,
      newInPeriod: 1,
      retentionPct: 50,
      retentionBase: 2,
      coveragePct: 50,
      coveredTeams: 2,
      teamsAtEnd: 4,
      beltDistribution: { NONE: 1, WHITE: 0, YELLOW: 0, GREEN: 1, BLACK: 0 },
    });
  });
});

describe("risk budget", () => {
  it("weights severities and flags teams over budget", () => {
    const r = riskBudget(
      [{ severity: "CRITICAL" }, { severity: "LOW" }],
      [{ severity: "HIGH" }, { severity: "MEDIUM" }, { severity: "MEDIUM" }],
      20,
    );
    expect(r).toMatchObject({ findingsPoints: 11, threatPoints: 9, total: 20, over: false });
    expect(
      riskBudget([{ severity: "CRITICAL" }, { severity: "CRITICAL" }, { severity: "LOW" }], [], 20)
        .over,
    ).toBe(true);
  });
});

describe("trend", () => {
  it("reads the direction of the last four quarters", () => {
    expect(trendDirection([1, 2, 3, 4])).toBe("up");
    expect(trendDirection([9, 4, 3, 2, 1])).toBe("down");
    expect(trendDirection([5, 5, 5.01, 5])).toBe("flat");
    expect(trendDirection([null, null, 3])).toBe("not enough data");
  });
});

describe("goal progress", async () => {
  const { goalProgress } = await import("@/lib/metrics/goals");
  const q = (newInPeriod: number, perTeam: number | null) =>
    ({ quarter: "x", people: { newInPeriod }, findings: { perTeam } }) as unknown as Parameters<
      typeof goalProgress
    >[3][number];
  it("adds new guardians over a year's quarters and compares with the target", () => {
    expect(goalProgress("NEW_GUARDIANS", 12, true, [q(3, 1), q(4, 1), q(2, 1)])).toEqual({
      value: 9,
      target: 12,
      met: false,
      progressPct: 75,
    });
    expect(goalProgress("NEW_GUARDIANS", 3, true, [q(3, 1)])).toMatchObject({
      met: true,
      progressPct: 100,
    });
  });
  it("treats lower-is-better goals and missing data", () => {
    expect(goalProgress("FINDINGS_PER_TEAM", 2, false, [q(0, 4)])).toEqual({
      value: 4,
      target: 2,
      met: false,
      progressPct: 50,
    });
    expect(goalProgress("FINDINGS_PER_TEAM", 2, false, [q(0, null)])).toEqual({
      value: null,
      target: 2,
      met: null,
      progressPct: null,
    });
  });
});
