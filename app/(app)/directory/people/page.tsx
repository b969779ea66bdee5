import type { Metadata } from "next";
import { PeopleTable } from "@/components/directory/people-table";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { requirePermission } from "@/lib/auth/guards";
import type { SearchParams } from "@/lib/url-state/list-state";
import { peopleList } from "@/lib/url-state/lists";
import { StreamedPart } from "@/components/ui/streamed-part";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("directory.read");
  const params = await searchParams;
  return (
    // A new key per query shows the skeleton again when the filters or the page change.
    <StreamedPart
      what="The people"
      key={JSON.stringify(params)}
      fallback={<ListPageSkeleton label="Loading people…" title={false} filters={4} />}
    >
      <PeopleTable actor={actor} state={peopleList.parse(params)} />
    </StreamedPart>
  );
}
