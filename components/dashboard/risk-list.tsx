import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import type { TeamRisk } from "@/lib/server/metrics/quarter";

/** Teams over their risk budget, with what drives the points. */
export function RiskList({ teams }: { teams: TeamRisk[] }) {
  const over = teams.filter((t) => t.over);
  if (over.length === 0) return <EmptyState title="No team is over its risk budget" />;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Teams over their risk budget, worst first</caption>
        <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-2">
              Team
            </th>
            <th scope="col" className="text-right">
              Points
            </th>
            <th scope="col" className="text-right">
              Budget
            </th>
            <th scope="col" className="text-right">
              Open findings
            </th>
            <th scope="col" className="text-right">
              Unmitigated threats
            </th>
          </tr>
        </thead>
        <tbody>
          {over.slice(0, 10).map((t) => (
            <tr key={t.teamId} className="border-t border-slate-100 dark:border-slate-800">
              <td className="py-1.5">
                <Link
                  href={`/directory/teams/${t.teamId}`}
                  className="text-brand-600 hover:underline dark:text-brand-100"
                >
                  {t.name}
                </Link>{" "}
                <span className="ml-1 rounded bg-red-100 px-1.5 text-xs font-medium text-red-800 dark:bg-red-900 dark:text-red-100">
                  over budget
                </span>
              </td>
              <td className="text-right tabular-nums">{t.total}</td>
              <td className="text-right tabular-nums">{t.budget}</td>
              <td className="text-right tabular-nums">{t.findingsPoints} pts</td>
              <td className="text-right tabular-nums">{t.threatPoints} pts</td>
            </tr>
          ))}
        </tbody>
      </table>
      {over.length > 10 ? (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          {over.length - 10} more teams over budget.
        </p>
      ) : null}
    </div>
  );
}
