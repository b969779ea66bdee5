import Link from "next/link";
import { TeamFilterField } from "@/components/reviews/team-picker";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar } from "@/components/ui/filter-bar";
import { Pagination } from "@/components/ui/pagination";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { listReleases } from "@/lib/server/releases/queries";
import { releasesList } from "@/lib/url-state/lists";

type Release = Awaited<ReturnType<typeof listReleases>>["rows"][number];
type State = ReturnType<typeof releasesList.parse>;
const link = "text-brand-600 hover:underline dark:text-brand-100";

function releaseColumns(actor: SessionActor, state: State): Column<Release>[] {
  const editHref = (id: number) =>
    releasesList.href("/releases", state, { filter: { ...state.filter, edit: id } });
  return [
    {
      header: "Release",
      cell: (r) => (
        <>
          <span className="font-mono text-xs">{r.key}</span> {r.name}
        </>
      ),
    },
    { header: "Team", cell: (r) => r.team.name },
    { header: "Started", cell: (r) => formatDate(r.startedOn) },
    { header: "Released", cell: (r) => (r.releasedOn ? formatDate(r.releasedOn) : "not yet") },
    {
      header: "Review",
      cell: (r) =>
        r.review ? (
          <Link href={`/reviews/${r.review.id}`} className={link}>
            {r.review.key}
          </Link>
        ) : (
          "—"
        ),
    },
    {
      header: <span className="sr-only">Actions</span>,
      align: "right",
      cell: (r) =>
        can(actor, "review.request", { orgId: r.team.orgId }) ? (
          <Link href={editHref(r.id)} className={link} aria-label={`Edit ${r.key} ${r.name}`}>
            Edit
          </Link>
        ) : null,
    },
  ];
}

/** The team filter and one page of releases. */
export async function ReleasesList({
  actor,
  state,
  team,
}: {
  actor: SessionActor;
  state: State;
  team: { teamId?: number; text: string; error?: string };
}) {
  const { page } = state;
  const { rows, total, pages } = await listReleases(actor, team.teamId, page);
  const columns = releaseColumns(actor, { ...state, filter: { ...state.filter, edit: undefined } });
  return (
    <>
      <Card>
        <FilterBar action="/releases">
          <TeamFilterField source="review" value={team.text} error={team.error} />
        </FilterBar>
        <DataTable
          caption="Feature releases, newest first"
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          empty={<EmptyState title="No releases recorded" />}
        />
        <Pagination
          page={page}
          pages={pages}
          total={total}
          href={releasesList.pageHref("/releases", {
            ...state,
            filter: { ...state.filter, edit: undefined },
          })}
        />
      </Card>
    </>
  );
}
