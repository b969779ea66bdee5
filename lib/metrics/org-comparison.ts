// Organisations side by side on the figures the program steers by, at one quarter's end
// (docs/metrics.md, "Organisation comparison"). Rows, their order and the CSV.
import { writeCsv } from "@/lib/transfer/csv";
import { csvNumber } from "./csv-number";
import type { QuarterMetricsLike } from "./quarter-types";
import { percent, type Figure } from "./stats";

export const COMPARISON_SORT_KEYS = [
  "name",
  "coverage",
  "reduction",
  "hours",
  "training",
  "risk",
] as const;
export type ComparisonSortKey = (typeof COMPARISON_SORT_KEYS)[number];
type FigureKey = Exclude<ComparisonSortKey, "name">;
export const COMPARISON_DEFAULT_SORT = { key: "name", desc: false } as const;

type ComparisonColumn = {
  key: FigureKey;
  label: string;
  csv: string;
  unit: string;
  digits: number;
  /** Whether a higher figure is worse: the first click on its header then shows the highest. */
  higherIsWorse?: boolean;
};

/** The table's figures, in order; labels as on the overview's cards. */
export const COMPARISON_COLUMNS: ComparisonColumn[] = [
  { key: "coverage", label: "Teams with a guardian", csv: "coverage %", unit: "%", digits: 1 },
  {
    key: "reduction",
    label: "Review time saved with a guardian",
    csv: "cycle-time reduction %",
    unit: "%",
    digits: 1,
  },
  {
    key: "hours",
    label: "Hours per guardian-month",
    csv: "hours per guardian-month",
    unit: " h",
    digits: 2,
  },
  {
    key: "training",
    label: "Required training complete",
    csv: "required training complete %",
    unit: "%",
    digits: 1,
  },
  {
    key: "risk",
    label: "Teams over risk budget",
    csv: "teams over risk budget %",
    unit: "%",
    digits: 1,
    higherIsWorse: true,
  },
];

type OrgFigures = {
  org: { id: number; name: string; subOrgs: number };
  /** The organisation's (with its sub-orgs) metrics of the quarter. */
  metrics: QuarterMetricsLike;
  /** Its teams' risk budgets at the quarter's end. */
  risk: { over: boolean }[];
};

export type ComparisonRow = {
  orgId: number;
  name: string;
  subOrgs: number;
  teams: number;
  overBudget: number;
  figures: Record<FigureKey, Figure>;
};

/** Risk-budget use of a set of teams: the % over their budget at the quarter's end. */
export function overBudgetPct(risk: { over: boolean }[]): Figure {
  return percent(risk.filter((t) => t.over).length, risk.length);
}

export function comparisonRow({ org, metrics: m, risk }: OrgFigures): ComparisonRow {
  return {
    orgId: org.id,
    name: org.name,
    subOrgs: org.subOrgs,
    teams: risk.length,
    overBudget: risk.filter((t) => t.over).length,
    figures: {
      coverage: m.people.coveragePct,
      reduction: m.cycle.reductionPct,
      hours: m.time.hoursPerGuardianMonth,
      training: m.training.allRequiredPct,
      risk: overBudgetPct(risk),
    },
  };
}

const byName = (a: ComparisonRow, b: ComparisonRow) =>
  a.name.localeCompare(b.name) || a.orgId - b.orgId;

/** Rows in the order asked for; "not enough data" last in either direction, ties by name. */
export function sortComparison(
  rows: ComparisonRow[],
  sort: { key: ComparisonSortKey; desc: boolean },
): ComparisonRow[] {
  const sign = sort.desc ? -1 : 1;
  if (sort.key === "name") return [...rows].sort((a, b) => sign * byName(a, b));
  const key = sort.key;
  return [...rows].sort((a, b) => {
    const x = a.figures[key];
    const y = b.figures[key];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** The table as CSV, in its order: figures with four decimals, counts as integers. */
export function comparisonCsv(rows: ComparisonRow[], quarter: string, compared: string): string {
  const header = [
    "organisation",
    "organisation id",
    "compared",
    "quarter",
    ...COMPARISON_COLUMNS.map((c) => c.csv),
    "teams at quarter end",
    "teams over risk budget",
  ];
  const lines = rows.map((r) => [
    r.name,
    String(r.orgId),
    compared,
    quarter,
    ...COMPARISON_COLUMNS.map((c) => csvNumber(r.figures[c.key])),
    String(r.teams),
    String(r.overBudget),
  ]);
  const numeric = [1, ...COMPARISON_COLUMNS.map((_, i) => 4 + i), 9, 10];
  return writeCsv([header, ...lines], { lineEnd: "\n", numeric });
}
