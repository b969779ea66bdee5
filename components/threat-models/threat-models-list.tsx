import Link from "next/link";
import { TeamFilterField } from "@/components/reviews/team-picker";
import { TeamSuggestions } from "@/components/reviews/team-suggestions";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Pagination } from "@/components/ui/pagination";
import type { SessionActor } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { THREAT_MODEL_STATUS } from "@/lib/vocabulary";
import { listThreatModels, type ThreatModelFilter } from "@/lib/server/threat-models/queries";

/** The filters and one page of threat models, with the team suggestions (`tm-teams`) the page's forms share. */
export async function ThreatModelsList({
  actor,
  filter,
  team,
  page,
}: {
  actor: SessionActor;
  filter: ThreatModelFilter;
  team: { text: string; error?: string };
  page: number;
}) {
  const { rows, total, pages } = await listThreatModels(actor, filter, page);
  const { status, flagged } = filter;
  const kept = Object.fromEntries(
    Object.entries({
      team: team.text || undefined,
      status,
      flagged: flagged ? "yes" : undefined,
    }).filter(([, v]) => v) as [string, string][],
  );
  return (
    <>
      <TeamSuggestions id="tm-teams" source="threat-model" />
      <Card>
        <FilterBar action="/threat-models">
          <TeamFilterField list="tm-teams" value={team.text} error={team.error} />
          <Select
            label="Status"
            name="status"
            defaultValue={status ?? ""}
            placeholder="Any"
            options={THREAT_MODEL_STATUS.options}
          />
          <Select
            label="Undocumented threats"
            name="flagged"
            defaultValue={flagged ? "yes" : ""}
            placeholder="Any"
            options={[{ value: "yes", label: "Has some" }]}
          />
        </FilterBar>
        {rows.length === 0 ? (
          <EmptyState title="No threat models match" />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Threat models, newest first</caption>
              <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
                <tr>
                  <th scope="col" className="py-2">
                    Threat model
                  </th>
                  <th scope="col">Team</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="text-right">
                    Threats
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((t) => (
                  <tr key={t.id} className="border-t border-slate-100 dark:border-slate-800">
                    <td className="py-2">
                      <Link
                        href={`/threat-models/${t.id}`}
                        className="text-brand-600 hover:underline dark:text-brand-100"
                      >
                        <span className="font-mono text-xs">{t.key}</span> {t.system}
                      </Link>
                    </td>
                    <td>{t.team.name}</td>
                    <td>
                      {THREAT_MODEL_STATUS.label(t.status)} · {formatDate(t.createdOn)}
                    </td>
                    <td className="text-right">
                      {t._count.threats}
                      {t.threats.length ? (
                        <span className="ml-2 rounded bg-red-100 px-1.5 text-xs font-medium text-red-800 dark:bg-red-900 dark:text-red-100">
                          {t.threats.length} undocumented
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination
          page={page}
          pages={pages}
          total={total}
          basePath="/threat-models"
          params={kept}
        />
      </Card>
    </>
  );
}
