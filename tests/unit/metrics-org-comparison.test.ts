import { describe, expect, it } from "vitest";
import {
  comparisonCsv,
  comparisonRow,
  overBudgetPct,
  sortComparison,
  type ComparisonRow,
} from "@/lib/metrics/org-comparison";
import type { QuarterMetricsLike } from "@/lib/metrics/quarter-types";

// Only the fields the comparison reads.
const metrics = (coverage: number | null, reduction: number | null) =>
  ({
    people: { coveragePct: coverage },
    cycle: { reductionPct: reduction },
    time: { hoursPerGuardianMonth: 3.25 },
    training: { allRequiredPct: 200 / 3 },
  }) as unknown as QuarterMetricsLike;

const row = (id: number, name: string, coverage: number | null, reduction: number | null = 10) =>
  comparisonRow({
    org: { id, name, subOrgs: 0 },
    metrics: metrics(coverage, reduction),
    risk: [{ over: true }, { over: false }, { over: false }],
  });

describe("the organisation comparison", () => {
  it("takes each figure from the quarter's metrics and the risk budgets", () => {
    expect(row(1, "Payments", 50)).toEqual({
      orgId: 1,
      name: "Payments",
      subOrgs: 0,
      teams: 3,
      overBudget: 1,
      figures: { coverage: 50, reduction: 10, hours: 3.25, training: 200 / 3, risk: (1 / 3) * 100 },
    });
    expect(overBudgetPct([])).toBeNull(); // no team: not enough data, never 0
  });

  const rows: ComparisonRow[] = [
    row(1, "Retail", 80),
    row(2, "Payments", null),
    row(3, "Cards", 20),
    row(4, "Apps", 80),
  ];
  const names = (r: ComparisonRow[]) => r.map((x) => x.name);

  it("sorts by a figure, weakest first or last, with not enough data last either way", () => {
    expect(names(sortComparison(rows, { key: "coverage", desc: false }))).toEqual([
      "Cards",
      "Apps", // a tie goes by name
      "Retail",
      "Payments",
    ]);
    expect(names(sortComparison(rows, { key: "coverage", desc: true }))).toEqual([
      "Apps",
      "Retail",
      "Cards",
      "Payments",
    ]);
    expect(names(sortComparison(rows, { key: "name", desc: true }))).toEqual([
      "Retail",
      "Payments",
      "Cards",
      "Apps",
    ]);
  });

  it("writes the table as CSV with four decimals, in the order given", () => {
    const csv = comparisonCsv(
      sortComparison([row(1, "=Retail", 80, -12.5), row(2, "Payments", null)], {
        key: "coverage",
        desc: false,
      }),
      "2026-Q3",
      "top-level organisations",
    )
      .trim()
      .split("\n");
    expect(csv).toEqual([
      '"organisation","organisation id","compared","quarter","coverage %","cycle-time reduction %",' +
        '"hours per guardian-month","required training complete %","teams over risk budget %",' +
        '"teams at quarter end","teams over risk budget"',
      `"'=Retail",1,"top-level organisations","2026-Q3",80.0000,-12.5000,3.2500,66.6667,33.3333,3,1`,
      '"Payments",2,"top-level organisations","2026-Q3",,10.0000,3.2500,66.6667,33.3333,3,1',
    ]);
  });
});
