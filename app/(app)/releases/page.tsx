import type { Metadata } from "next";
import Link from "next/link";
import { CreateReleaseForm, EditReleaseForm } from "@/components/releases/release-forms";
import { TeamDatalist, TeamFilterField } from "@/components/reviews/team-picker";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, parsePage } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { getRelease, listReleases } from "@/lib/server/releases/queries";
import { teamChoices, teamFilter } from "@/lib/server/reviews/teams";
import { todayUtc } from "@/lib/validations/review";

export const metadata: Metadata = { title: "Feature releases" };
const iso = (d: Date) => d.toISOString().slice(0, 10);

export default async function ReleasesPage({ searchParams }: { searchParams: Promise<{ team?: string; page?: string; edit?: string }> }) {
  const actor = await requirePermission("review.read");
  const p = await searchParams;
  const team = await teamFilter(actor, "review.read", p.team);
  const page = parsePage(p.page);
  const editId = Number(p.edit);
  const [{ rows, total, pages }, teams, editing] = await Promise.all([
    listReleases(actor, team.teamId, page), teamChoices(actor, "review.read"),
    Number.isInteger(editId) && editId > 0 && can(actor, "review.request") ? getRelease(actor, editId) : null,
  ]);
  const kept: Record<string, string> = team.text ? { team: team.text } : {};
  const here = (more: Record<string, string> = {}) => `/releases?${new URLSearchParams({ ...kept, ...(page > 1 ? { page: String(page) } : {}), ...more })}`;
  const today = todayUtc();
  const mayEdit = (orgId: number) => can(actor, "review.request", { orgId });
  return (
    <>
      <PageHeader title="Feature releases" description="Launches and the time from start to release, linked to their security review." />
      <TeamDatalist id="release-teams" choices={teams} />
      {editing && mayEdit(editing.team.orgId) ? (
        <Card className="mb-4">
          <CardTitle>Edit <span className="font-mono text-sm">{editing.key}</span> {editing.name}</CardTitle>
          <EditReleaseForm today={today} back={here()} release={{ id: editing.id, key: editing.key, name: editing.name, team: editing.team.name, startedOn: iso(editing.startedOn), releasedOn: editing.releasedOn ? iso(editing.releasedOn) : null, reviewKey: editing.review?.key ?? null }} />
        </Card>
      ) : can(actor, "review.request") ? (
        <Card className="mb-4">
          <CardTitle>Record a release</CardTitle>
          <CreateReleaseForm teamList="release-teams" today={today} />
        </Card>
      ) : null}
      <Card>
        <FilterBar action="/releases"><TeamFilterField list="release-teams" value={team.text} error={team.error} /></FilterBar>
        {rows.length === 0 ? <EmptyState title="No releases recorded" /> : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Feature releases, newest first</caption>
              <thead className="text-left text-xs text-slate-600 dark:text-slate-400"><tr><th scope="col" className="py-2">Release</th><th scope="col">Team</th><th scope="col">Started</th><th scope="col">Released</th><th scope="col">Review</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
              <tbody>{rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-2"><span className="font-mono text-xs">{r.key}</span> {r.name}</td><td>{r.team.name}</td><td>{formatDate(r.startedOn)}</td>
                  <td>{r.releasedOn ? formatDate(r.releasedOn) : "not yet"}</td>
                  <td>{r.review ? <Link href={`/reviews/${r.review.id}`} className="text-brand-600 hover:underline dark:text-brand-100">{r.review.key}</Link> : "—"}</td>
                  <td className="text-right">{mayEdit(r.team.orgId) ? <Link href={here({ edit: String(r.id) })} className="text-brand-600 hover:underline dark:text-brand-100" aria-label={`Edit ${r.key} ${r.name}`}>Edit</Link> : null}</td>
                </tr>
              ))}</tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pages={pages} total={total} basePath="/releases" params={kept} />
      </Card>
    </>
  );
}
