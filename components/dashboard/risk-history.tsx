import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { cn } from "@/components/ui/cn";
import {
  teamsOverBudgetOverTime,
  type RiskCell,
  type RiskHistoryRow,
} from "@/lib/metrics/risk-history";
import { quarterLabel, type Quarter } from "@/lib/period";
import type { MetricScope } from "@/lib/server/metrics/scope";
import { riskHistory } from "@/lib/server/metrics/risk-history";
import { withQuery } from "@/lib/url-state/list-state";
import { dashboardView, type DashboardFilter } from "@/lib/url-state/lists";

const PER_PAGE = 20;

function Use({ cell }: { cell: RiskCell | null }) {
  if (!cell)
    return (
      <span className="text-slate-500 dark:text-slate-400">
        <span aria-hidden>–</span>
        <span className="sr-only">not a team yet</span>
      </span>
    );
  const used = Number.isFinite(cell.usedPct) ? `${cell.usedPct.toFixed(0)}%` : "no budget";
  return (
    <span
      title={`${cell.total} of ${cell.budget} points`}
      className={cn(cell.over && "font-semibold text-red-700 dark:text-red-300")}
    >
      {used}
      {cell.over ? <span className="sr-only"> (over budget)</span> : null}
    </span>
  );
}

/** The findings view's risk budget over time: teams over budget at any quarter's end of the range. */
export async function RiskHistory({
  scope,
  quarters,
  filter,
  page,
}: {
  scope: MetricScope;
  quarters: Quarter[];
  filter: DashboardFilter;
  page: number;
}) {
  const rows = teamsOverBudgetOverTime(await riskHistory(scope, quarters));
  const pages = Math.max(1, Math.ceil(rows.length / PER_PAGE));
  const current = Math.min(page, pages);
  const columns: Column<RiskHistoryRow>[] = [
    {
      header: "Team",
      rowHeader: true,
      cell: (r) => (
        <Link
          href={`/directory/teams/${r.teamId}`}
          className="text-brand-600 hover:underline dark:text-brand-100"
        >
          {r.name}
        </Link>
      ),
    },
    ...quarters.map((q, i): Column<RiskHistoryRow> => ({
      header: quarterLabel(q),
      align: "right",
      className: "whitespace-nowrap",
      cell: (r) => <Use cell={r.cells[i]} />,
    })),
  ];
  return (
    <Card className="mt-4">
      <CardTitle>Risk budget over time</CardTitle>
      <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">
        Budget used at each quarter&apos;s end by the teams over it at the end of any quarter shown
        (critical 10, high 5, medium 2, low 1 point per open finding or threat without mitigation),
        highest use at the last quarter first; over budget in bold; – before the team joined. The
        CSV has every team in scope.
      </p>
      <DataTable
        caption="Risk budget used at each quarter's end, teams over budget at any of them"
        columns={columns}
        rows={rows.slice((current - 1) * PER_PAGE, current * PER_PAGE)}
        rowKey={(r) => r.teamId}
        empty={<EmptyState title="No team was over its risk budget in these quarters" />}
      />
      <Pagination
        page={current}
        pages={pages}
        total={rows.length}
        href={dashboardView.pageHref("/dashboard/findings", { filter })}
      />
      <a
        href={withQuery("/api/metrics/risk", dashboardView.query({ filter }))}
        className="mt-2 inline-block text-sm text-brand-600 hover:underline dark:text-brand-100"
        download
      >
        Download the risk budgets of every team (CSV)
      </a>
    </Card>
  );
}
