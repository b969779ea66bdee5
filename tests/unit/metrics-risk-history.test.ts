import { describe, expect, it } from "vitest";
import { overviewCsv, overviewSeries } from "@/lib/metrics/overview-csv";
import type { QuarterMetricsLike } from "@/lib/metrics/quarter-types";
import {
  overBudgetCounts,
  riskCsvChunks,
  teamsOverBudgetOverTime,
  type RiskAtQuarter,
} from "@/lib/metrics/risk-history";
import { riskBudget } from "@/lib/metrics/risk";

const team = (teamId: number, name: string, points: number, budget = 20) => ({
  teamId,
  name,
  ...riskBudget(
    Array.from({ length: points }, () => ({ severity: "LOW" as const })),
    [],
    budget,
  ),
});

const history: RiskAtQuarter[] = [
  { quarter: "2026-Q2", teams: [team(1, "Cards", 25), team(2, "Accounts", 5)] },
  {
    quarter: "2026-Q3",
    teams: [team(1, "Cards", 10), team(2, "Accounts", 21), team(3, "Ledger", 3, 0)],
  },
];

describe("the risk budget over time", () => {
  it("lists the teams over budget at any quarter's end, highest use at the last first", () => {
    const rows = teamsOverBudgetOverTime(history);
    // Ledger, new in Q3 with a budget of 0 and points against it, is over without end; then
    // Accounts 105%, Cards 50% (over in Q2 only).
    expect(rows.map((r) => r.name)).toEqual(["Ledger", "Accounts", "Cards"]);
    expect(rows[2].cells.map((c) => c && [c.total, c.over])).toEqual([
      [25, true],
      [10, false],
    ]);
    expect(rows[0].cells[0]).toBeNull(); // not a team yet in Q2
    expect(teamsOverBudgetOverTime([history[0]]).map((r) => r.name)).toEqual(["Cards"]);
  });

  it("counts the teams over budget per quarter", () => {
    expect(overBudgetCounts(history)).toEqual([
      { quarter: "2026-Q2", value: 1 },
      { quarter: "2026-Q3", value: 2 },
    ]);
  });

  it("writes every team and quarter to the CSV, four decimals, blank for an infinite use", () => {
    const csv = [...riskCsvChunks(history, "whole program")].join("").trim().split("\n");
    expect(csv[0]).toBe(
      '"team","team id","filter","quarter","findings points","threat points","points","budget","used %","over"',
    );
    expect(csv.slice(1)).toEqual([
      '"Accounts",2,"whole program","2026-Q2",5,0,5,20,25.0000,"no"',
      '"Cards",1,"whole program","2026-Q2",25,0,25,20,125.0000,"yes"',
      '"Accounts",2,"whole program","2026-Q3",21,0,21,20,105.0000,"yes"',
      '"Cards",1,"whole program","2026-Q3",10,0,10,20,50.0000,"no"',
      '"Ledger",3,"whole program","2026-Q3",3,0,3,0,,"yes"',
    ]);
  });
});

describe("the overview's CSV", () => {
  const q = (quarter: string, reduction: number) =>
    ({
      quarter,
      cycle: {
        reductionPct: reduction,
        withGuardian: { n: 2, mean: 3, median: 3 },
        withoutGuardian: { n: 2, mean: 8, median: 8 },
        all: { n: 4, mean: 5.5, median: 5 },
      },
      effort: { withGuardian: 1, withoutGuardian: 1, all: 1 },
      people: { activeAtEnd: 2, newInPeriod: 1, coveragePct: 100, beltDistribution: {} },
      time: { hoursPerGuardianMonth: 1.2 },
      training: { allRequiredPct: 50 },
      findings: { perTeam: 1.5, openAtEnd: 2 },
      threatModels: { guardianAuthoredPct: 200 / 3, approved: 3 },
      feedback: { n: 2, mean: 4.5, median: 4.5 },
      fastTrack: { cycle: { n: 0, mean: null, median: null }, passRatePct: null },
    }) as unknown as QuarterMetricsLike;

  it("has every headline, then the charts' series a headline does not give", () => {
    expect(overviewSeries([q("2026-Q3", 62.5)]).map((s) => s.label)).toEqual([
      "Review time saved with a guardian",
      "Active guardians",
      "Teams with a guardian",
      "Hours per guardian-month",
      "Required training complete",
      "Findings per team",
      "Threat models by guardians",
      "Average feedback rating",
      "Mean cycle time, with guardian",
      "Mean cycle time, without guardian",
      "New guardians",
    ]);
  });

  it("gives one row per figure and quarter in the families' columns, and the teams over budget", () => {
    const lines = overviewCsv([q("2026-Q2", 10), q("2026-Q3", 62.5)], "whole program", [
      { quarter: "2026-Q2", value: 1 },
      { quarter: "2026-Q3", value: 2 },
    ])
      .trim()
      .split("\n");
    expect(lines[0]).toBe('"metric","filter","quarter","value","unit"');
    expect(lines).toHaveLength(1 + 11 * 2 + 2);
    expect(lines).toContain(
      '"Review time saved with a guardian","whole program","2026-Q3",62.5000,"%"',
    );
    expect(lines).toContain('"Threat models by guardians","whole program","2026-Q3",66.6667,"%"');
    expect(lines).toContain('"Active guardians","whole program","2026-Q2",2,');
    expect(lines.at(-1)).toBe('"Teams over their risk budget","whole program","2026-Q3",2,"teams"');
  });
});
