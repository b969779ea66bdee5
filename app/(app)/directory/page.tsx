import type { Metadata } from "next";
import { TeamsTable } from "@/components/directory/teams-table";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { requirePermission } from "@/lib/auth/guards";
import type { SearchParams } from "@/lib/url-state/list-state";
import { teamsList } from "@/lib/url-state/lists";
import { StreamedPart } from "@/components/ui/streamed-part";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("directory.read");
  const params = await searchParams;
  return (
    // A new key per query shows the skeleton again when the filters or the page change.
    <StreamedPart
      what="The teams"
      key={JSON.stringify(params)}
      fallback={<ListPageSkeleton label="Loading teams…" title={false} filters={4} />}
    >
      <TeamsTable actor={actor} state={teamsList.parse(params)} />
    </StreamedPart>
  );
}
