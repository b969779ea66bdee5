import type { Metadata } from "next";
import { CreateReleaseForm, EditReleaseForm } from "@/components/releases/release-forms";
import { ReleasesList } from "@/components/releases/releases-list";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getRelease } from "@/lib/server/releases/queries";
import { teamFilter } from "@/lib/server/teams/lookup";
import { isoDay } from "@/lib/period";
import type { SearchParams } from "@/lib/url-state/list-state";
import { releasesList } from "@/lib/url-state/lists";
import { StreamedPart } from "@/components/ui/streamed-part";

export const metadata: Metadata = { title: "Feature releases" };

export default async function ReleasesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("review.read");
  const state = releasesList.parse(await searchParams);
  const { page, filter } = state;
  const team = await teamFilter(actor, "review.read", filter.team);
  const editing =
    filter.edit && can(actor, "review.request") ? await getRelease(actor, filter.edit) : null;
  const back = releasesList.href("/releases", state, { filter: { ...filter, edit: undefined } });
  const today = isoDay(new Date());
  return (
    <>
      <PageHeader
        title="Feature releases"
        description="Launches and the time from start to release, linked to their security review."
      />
      {editing && can(actor, "review.request", { orgId: editing.team.orgId }) ? (
        <Card className="mb-4">
          <CardTitle>
            Edit <span className="font-mono text-sm">{editing.key}</span> {editing.name}
          </CardTitle>
          <EditReleaseForm
            today={today}
            back={back}
            release={{
              id: editing.id,
              key: editing.key,
              name: editing.name,
              team: editing.team.name,
              startedOn: isoDay(editing.startedOn),
              releasedOn: editing.releasedOn ? isoDay(editing.releasedOn) : null,
              review: editing.review && {
                id: editing.review.id,
                key: editing.review.key,
                title: `${editing.review.key} · ${editing.review.service}`,
                detail: editing.team.name,
              },
            }}
          />
        </Card>
      ) : can(actor, "review.request") ? (
        <Card className="mb-4">
          <CardTitle>Record a release</CardTitle>
          <CreateReleaseForm today={today} />
        </Card>
      ) : null}
      {/* Keyed by the team and page only: opening a release's edit form keeps the list as it is. */}
      <StreamedPart
        what="Releases"
        key={`${team.text}|${page}`}
        fallback={<ListPageSkeleton label="Loading releases…" title={false} filters={1} />}
      >
        <ReleasesList actor={actor} state={state} team={team} />
      </StreamedPart>
    </>
  );
}
