import Link from "next/link";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { figuresAsOf } from "@/lib/format";
import {
  COMPARISON_COLUMNS,
  sortComparison,
  type ComparisonRow,
  type ComparisonSortKey,
} from "@/lib/metrics/org-comparison";
import { formatFigure } from "@/lib/metrics/stats";
import { quarterLabel } from "@/lib/period";
import { loadOrgComparison, type ComparisonLevel } from "@/lib/server/metrics/org-comparison";
import type { ListState } from "@/lib/url-state/list-state";
import { dashboardView, orgComparisonList, type OrgComparisonFilter } from "@/lib/url-state/lists";

type State = ListState<OrgComparisonFilter, ComparisonSortKey>;
const link = "text-brand-600 hover:underline dark:text-brand-100";

function columns(state: State): Column<ComparisonRow>[] {
  const { from, to } = state.filter;
  return [
    {
      header: "Organisation",
      sortKey: "name",
      rowHeader: true,
      cell: (r) => (
        <span className="flex flex-col">
          <Link
            href={dashboardView.href("/dashboard", { filter: { org: r.orgId, from, to } })}
            className={link}
          >
            {r.name}
          </Link>
          {r.subOrgs > 0 ? (
            <Link
              href={orgComparisonList.href("/dashboard/compare", {
                filter: { org: r.orgId, from, to },
              })}
              className="text-xs text-slate-600 hover:underline dark:text-slate-400"
            >
              Compare its {r.subOrgs === 1 ? "sub-org" : `${r.subOrgs} sub-orgs`}
            </Link>
          ) : null}
        </span>
      ),
    },
    ...COMPARISON_COLUMNS.map((c): Column<ComparisonRow> => ({
      header: c.label,
      sortKey: c.key,
      sortDescFirst: c.higherIsWorse,
      align: "right",
      cell: (r) =>
        r.figures[c.key] === null ? (
          <span className="text-slate-500 dark:text-slate-400">not enough data</span>
        ) : c.key === "risk" ? (
          <span title={`${r.overBudget} of ${r.teams} teams`}>
            {formatFigure(r.figures[c.key], c.digits, c.unit)}
          </span>
        ) : (
          formatFigure(r.figures[c.key], c.digits, c.unit)
        ),
    })),
  ];
}

/** The comparison's table (computed here, so it streams): one row per organisation of the level. */
export async function OrgComparisonTable({
  level,
  state,
}: {
  level: ComparisonLevel;
  state: State;
}) {
  const { quarter, rows, asOf } = await loadOrgComparison(level, state.filter);
  return (
    <Card>
      <DataTable
        caption={`Organisations compared at ${quarterLabel(quarter)}'s end (${level.label}), sorted by ${sortLabel(state.sort.key)}`}
        columns={columns(state)}
        rows={sortComparison(rows, state.sort)}
        rowKey={(r) => r.orgId}
        sort={orgComparisonList.tableSort("/dashboard/compare", state)}
      />
      <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">
        Each organisation with its sub-orgs, as its dashboard shows it. A first click on a column
        shows the weakest first; &quot;not enough data&quot; comes last either way. Teams over risk
        budget: the share of the organisation&apos;s teams over their budget at the quarter&apos;s
        end. {figuresAsOf(asOf)}
      </p>
    </Card>
  );
}

const sortLabel = (key: ComparisonSortKey) =>
  key === "name" ? "name" : COMPARISON_COLUMNS.find((c) => c.key === key)!.label.toLowerCase();

/** Fewer than two organisations at this level: nothing to compare, perhaps a level below. */
export function NothingToCompare({ level, state }: { level: ComparisonLevel; state: State }) {
  const only = level.orgs.length === 1 ? level.orgs[0] : null;
  const { from, to } = state.filter;
  return (
    <EmptyState
      title={only ? `Only one organisation here: ${only.name}` : "No organisations here"}
      action={
        only && only.subOrgs > 0
          ? {
              href: orgComparisonList.href("/dashboard/compare", {
                filter: { org: only.id, from, to },
              }),
              label: `Compare the sub-orgs of ${only.name}`,
            }
          : {
              href: dashboardView.href("/dashboard", { filter: { from, to } }),
              label: "Back to the dashboard",
            }
      }
    >
      A comparison needs at least two organisations side by side.
    </EmptyState>
  );
}
