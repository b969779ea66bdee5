import Link from "next/link";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { TeamRisk } from "@/lib/server/metrics/quarter";

const columns: Column<TeamRisk>[] = [
  {
    header: "Team",
    cell: (t) => (
      <>
        <Link
          href={`/directory/teams/${t.teamId}`}
          className="text-brand-600 hover:underline dark:text-brand-100"
        >
          {t.name}
        </Link>{" "}
        <span className="ml-1 rounded bg-red-100 px-1.5 text-xs font-medium text-red-800 dark:bg-red-900 dark:text-red-100">
          over budget
        </span>
      </>
    ),
  },
  { header: "Points", align: "right", cell: (t) => t.total },
  { header: "Budget", align: "right", cell: (t) => t.budget },
  { header: "Open findings", align: "right", cell: (t) => `${t.findingsPoints} pts` },
  { header: "Unmitigated threats", align: "right", cell: (t) => `${t.threatPoints} pts` },
];

/** Teams over their risk budget, with what drives the points. */
export function RiskList({ teams }: { teams: TeamRisk[] }) {
  const over = teams.filter((t) => t.over);
  if (over.length === 0) return <EmptyState title="No team is over its risk budget" />;
  return (
    <div>
      <DataTable
        caption="Teams over their risk budget, worst first"
        columns={columns}
        rows={over.slice(0, 10)}
        rowKey={(t) => t.teamId}
      />
      {over.length > 10 ? (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          {over.length - 10} more teams over budget.
        </p>
      ) : null}
    </div>
  );
}
