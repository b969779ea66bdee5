// Metric 10 over time: each team's risk budget at each quarter's end (docs/metrics.md), as the
// findings view's table and the risk CSV.
import { writeCsv } from "@/lib/transfer/csv";
import { csvNumber } from "./csv-number";
import type { RiskBudget } from "./risk";

type TeamRiskAt = RiskBudget & { teamId: number; name: string };
/** The risk budgets of every team in scope at one quarter's end. */
export type RiskAtQuarter = { quarter: string; teams: TeamRiskAt[] };
export type RiskCell = Pick<RiskBudget, "total" | "budget" | "usedPct" | "over">;
export type RiskHistoryRow = { teamId: number; name: string; cells: (RiskCell | null)[] };

/**
 * Teams over budget at the end of any quarter of the range, one cell per quarter (null: the team
 * did not exist then); highest use at the latest quarter first, then by name.
 */
export function teamsOverBudgetOverTime(history: RiskAtQuarter[]): RiskHistoryRow[] {
  const rows = new Map<number, RiskHistoryRow>();
  history.forEach(({ teams }, i) => {
    for (const t of teams) {
      let row = rows.get(t.teamId);
      if (!row) {
        row = { teamId: t.teamId, name: t.name, cells: history.map(() => null) };
        rows.set(t.teamId, row);
      }
      row.cells[i] = { total: t.total, budget: t.budget, usedPct: t.usedPct, over: t.over };
    }
  });
  const latestUse = (r: RiskHistoryRow) => r.cells.at(-1)?.usedPct ?? -1;
  return [...rows.values()]
    .filter((r) => r.cells.some((c) => c?.over))
    .sort(
      (a, b) => latestUse(b) - latestUse(a) || a.name.localeCompare(b.name) || a.teamId - b.teamId,
    );
}

/** How many teams were over budget at each quarter's end. */
export function overBudgetCounts(history: RiskAtQuarter[]): { quarter: string; value: number }[] {
  return history.map(({ quarter, teams }) => ({
    quarter,
    value: teams.filter((t) => t.over).length,
  }));
}

const RISK_CSV_HEADER = [
  "team",
  "team id",
  "filter",
  "quarter",
  "findings points",
  "threat points",
  "points",
  "budget",
  "used %",
  "over",
];
const NUMERIC = [1, 4, 5, 6, 7, 8];

/**
 * The risk CSV in pieces (the header, then one quarter's teams at a time), so a route can stream
 * 2,000 teams × 20 quarters without holding the whole text. Used % has four decimals; it is
 * blank for a budget of 0 with points against it.
 */
export function* riskCsvChunks(history: RiskAtQuarter[], filterLabel: string): Generator<string> {
  yield writeCsv([RISK_CSV_HEADER], { lineEnd: "\n" });
  for (const { quarter, teams } of history) {
    if (teams.length === 0) continue;
    const rows = [...teams]
      .sort((a, b) => a.name.localeCompare(b.name) || a.teamId - b.teamId)
      .map((t) => [
        t.name,
        String(t.teamId),
        filterLabel,
        quarter,
        String(t.findingsPoints),
        String(t.threatPoints),
        String(t.total),
        String(t.budget),
        csvNumber(t.usedPct),
        t.over ? "yes" : "no",
      ]);
    yield writeCsv(rows, { lineEnd: "\n", numeric: NUMERIC });
  }
}
