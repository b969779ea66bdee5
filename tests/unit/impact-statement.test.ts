import { describe, expect, it } from "vitest";
import { impactStatement, type StatementFacts } from "@/lib/impact/statement";
import { MAX_STATEMENT_DAYS, statementPeriod, statementQuery } from "@/lib/impact/period";

const at = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
const review = (
  id: number,
  requested: string,
  completed: string,
  asGuardian: boolean,
  outcome: StatementFacts["reviews"][number]["outcome"] = "APPROVED",
) => ({
  id,
  key: `R${id}`,
  service: `Service ${id}`,
  teamId: 1,
  teamName: "Cards",
  orgId: 1,
  requestedAt: at(requested),
  completedAt: at(completed),
  outcome,
  asGuardian,
});
const baseline = (id: number, requested: string, completed: string) => {
  const r = review(id, requested, completed, false);
  return {
    id: r.id,
    key: r.key,
    service: r.service,
    teamId: r.teamId,
    teamName: r.teamName,
    orgId: r.orgId,
    requestedAt: r.requestedAt,
    completedAt: r.completedAt,
  };
};
const empty: StatementFacts = {
  reviews: [],
  baseline: [],
  findingsFixed: [],
  threatModels: [],
  hours: [],
  belts: [],
  awards: [],
  ratings: [],
};

describe("impactStatement", () => {
  it("compares the person's guardian reviews with the same teams' reviews without a guardian", () => {
    const s = impactStatement(
      {
        ...empty,
        reviews: [
          review(1, "2026-07-01", "2026-07-03", true),
          review(2, "2026-08-01", "2026-08-05", true, "APPROVED_WITH_FINDINGS"),
          // took part, but not as a guardian of that team: listed, not in the comparison
          review(4, "2026-07-01", "2026-07-11", false, null),
        ],
        baseline: [
          baseline(3, "2026-09-01", "2026-09-07"),
          baseline(5, "2026-09-01", "2026-09-09"),
        ],
      },
      { showComments: false },
    );
    expect(s.reviews.count).toBe(3);
    expect(s.reviews.asGuardian).toBe(2);
    expect(s.reviews.outcomes).toEqual({ APPROVED: 1, APPROVED_WITH_FINDINGS: 1 });
    expect(s.cycle.theirs).toEqual({ n: 2, mean: 3, median: 3 });
    expect(s.cycle.baseline).toEqual({ n: 2, mean: 7, median: 7 });
    expect(s.cycle.differenceDays).toBe(4);
    expect(s.cycle.reductionPct).toBeCloseTo((4 / 7) * 100, 10);
    expect(s.cycle.teams).toEqual(["Cards"]);
    expect(s.reviews.items.map((r) => r.key)).toEqual(["R1", "R4", "R2"]); // by completion
  });

  it("says 'not enough data' (null) rather than 0 when a side of the comparison is empty", () => {
    const s = impactStatement(
      { ...empty, reviews: [review(1, "2026-07-01", "2026-07-03", true)] },
      { showComments: true },
    );
    expect(s.cycle.theirs.mean).toBe(2);
    expect(s.cycle.baseline).toEqual({ n: 0, mean: null, median: null });
    expect(s.cycle.differenceDays).toBeNull();
    expect(s.cycle.reductionPct).toBeNull();
    expect(impactStatement(empty, { showComments: true }).ratings.mean).toBeNull();
    expect(impactStatement(empty, { showComments: true }).threatModels.documentedPct).toBeNull();
  });

  it("adds hours by type in hours and leaves out empty types", () => {
    const s = impactStatement(
      {
        ...empty,
        hours: [
          { type: "REVIEW", quarterHours: 8 },
          { type: "QUESTION", quarterHours: 6 },
          { type: "OTHER", quarterHours: 0 },
        ],
      },
      { showComments: false },
    );
    expect(s.hours.total).toBe(3.5);
    expect(s.hours.byType).toEqual([
      { type: "REVIEW", hours: 2 },
      { type: "QUESTION", hours: 1.5 },
    ]);
  });

  it("shows rating comments only when allowed, and always counts the ratings", () => {
    const facts: StatementFacts = {
      ...empty,
      ratings: [
        {
          id: 1,
          rating: 4,
          comment: "Clear write-up",
          on: at("2026-07-03"),
          source: { kind: "review", id: 1, key: "R1", orgId: 1 },
        },
        {
          id: 2,
          rating: 5,
          comment: null,
          on: at("2026-07-20"),
          source: { kind: "threat-model", id: 9, key: "TM1", orgId: 1 },
        },
      ],
    };
    const hidden = impactStatement(facts, { showComments: false });
    expect(hidden.ratings).toMatchObject({ n: 2, mean: 4.5, commentsShown: false });
    expect(hidden.ratings.items.map((r) => r.comment)).toEqual([null, null]);
    const shown = impactStatement(facts, { showComments: true });
    expect(shown.ratings.items.map((r) => r.comment)).toEqual(["Clear write-up", null]);
  });

  it("counts documented threats across the person's models", () => {
    const model = (
      id: number,
      threats: number,
      documented: number,
      status: "APPROVED" | "DRAFT",
    ) => ({
      id,
      key: `TM${id}`,
      system: "S",
      teamName: "Cards",
      orgId: 1,
      status,
      createdOn: at("2026-07-01"),
      approvedOn: status === "APPROVED" ? at("2026-07-20") : null,
      threats,
      documented,
    });
    const s = impactStatement(
      { ...empty, threatModels: [model(1, 2, 1, "APPROVED"), model(2, 2, 2, "DRAFT")] },
      { showComments: false },
    );
    expect(s.threatModels).toMatchObject({ count: 2, approved: 1, threats: 4, documentedPct: 75 });
  });
});

describe("statementPeriod", () => {
  const now = at("2026-12-07T10:00:00Z");

  it("defaults to the current quarter, to date", () => {
    const r = statementPeriod({}, now);
    expect(r).toEqual({
      period: {
        from: at("2026-10-01"),
        to: at("2026-12-07"),
        quarter: "2026-Q4",
        toDate: true,
        label: "Q4 2026 to date",
      },
    });
    if ("period" in r) expect(statementQuery(r.period)).toBe("quarter=2026-Q4");
  });

  it("takes a past quarter whole", () => {
    expect(statementPeriod({ quarter: "2026-Q1" }, now)).toMatchObject({
      period: { from: at("2026-01-01"), to: at("2026-03-31"), toDate: false, label: "Q1 2026" },
    });
    expect(statementPeriod({ quarter: "2027-Q1" }, now)).toEqual({
      error: "That quarter has not started yet.",
    });
  });

  it("takes any range of days up to today, at most five years", () => {
    const r = statementPeriod({ from: "2026-02-28", to: "2026-12-31" }, now);
    expect(r).toMatchObject({
      period: { from: at("2026-02-28"), to: at("2026-12-07"), toDate: true, quarter: null },
    });
    if ("period" in r) expect(statementQuery(r.period)).toBe("from=2026-02-28&to=2026-12-07");
    expect(statementPeriod({ from: "2026-03-01", to: "2026-02-28" }, now)).toEqual({
      error: "The first day must be on or before the last day.",
    });
    expect(statementPeriod({ from: "2026-03-01" }, now)).toEqual({
      error: "Choose both a first and a last day.",
    });
    expect(statementPeriod({ from: "2026-12-08", to: "2026-12-08" }, now)).toEqual({
      error: "The period must start today or earlier.",
    });
    const longest = statementPeriod({ from: "2021-12-08", to: "2026-12-07" }, now);
    expect("period" in longest).toBe(true);
    expect(MAX_STATEMENT_DAYS).toBe(1830);
    expect(statementPeriod({ from: "2021-12-01", to: "2026-12-07" }, now)).toEqual({
      error: "Choose a period of at most five years.",
    });
  });
});
