import Link from "next/link";
import { TeamFilterField } from "@/components/reviews/team-picker";
import { TeamSuggestions } from "@/components/reviews/team-suggestions";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar } from "@/components/ui/filter-bar";
import { Pagination } from "@/components/ui/pagination";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { listReleases } from "@/lib/server/releases/queries";

/** The team filter and one page of releases, with the team suggestions (`release-teams`) the page's forms share. */
export async function ReleasesList({
  actor,
  team,
  page,
}: {
  actor: SessionActor;
  team: { teamId?: number; text: string; error?: string };
  page: number;
}) {
  const { rows, total, pages } = await listReleases(actor, team.teamId, page);
  const kept: Record<string, string> = team.text ? { team: team.text } : {};
  const editHref = (id: number) =>
    `/releases?${new URLSearchParams({ ...kept, ...(page > 1 ? { page: String(page) } : {}), edit: String(id) })}`;
  return (
    <>
      <TeamSuggestions id="release-teams" source="review" />
      <Card>
        <FilterBar action="/releases">
          <TeamFilterField list="release-teams" value={team.text} error={team.error} />
        </FilterBar>
        {rows.length === 0 ? (
          <EmptyState title="No releases recorded" />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Feature releases, newest first</caption>
              <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
                <tr>
                  <th scope="col" className="py-2">
                    Release
                  </th>
                  <th scope="col">Team</th>
                  <th scope="col">Started</th>
                  <th scope="col">Released</th>
                  <th scope="col">Review</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-t border-slate-100 dark:border-slate-800">
                    <td className="py-2">
                      <span className="font-mono text-xs">{r.key}</span> {r.name}
                    </td>
                    <td>{r.team.name}</td>
                    <td>{formatDate(r.startedOn)}</td>
                    <td>{r.releasedOn ? formatDate(r.releasedOn) : "not yet"}</td>
                    <td>
                      {r.review ? (
                        <Link
                          href={`/reviews/${r.review.id}`}
                          className="text-brand-600 hover:underline dark:text-brand-100"
                        >
                          {r.review.key}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="text-right">
                      {can(actor, "review.request", { orgId: r.team.orgId }) ? (
                        <Link
                          href={editHref(r.id)}
                          className="text-brand-600 hover:underline dark:text-brand-100"
                          aria-label={`Edit ${r.key} ${r.name}`}
                        >
                          Edit
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pages={pages} total={total} basePath="/releases" params={kept} />
      </Card>
    </>
  );
}
