import type { Metadata } from "next";
import { NominationsList } from "@/components/nominations/nominations-list";
import { PageHeader } from "@/components/ui/page-header";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import type { SearchParams } from "@/lib/url-state/list-state";
import { pagedList } from "@/lib/url-state/lists";
import { StreamedPart } from "@/components/ui/streamed-part";

export const metadata: Metadata = { title: "Nominations" };

export default async function NominationsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("guardian.nominate");
  const { page } = pagedList.parse(await searchParams);
  const approver = can(actor, "guardian.approve");
  return (
    <>
      <PageHeader
        title="Nominations"
        description={
          approver
            ? "Approve or decline the people nominated as guardians, oldest first."
            : "Nominations waiting for the program lead. Nominate someone from a team's page."
        }
      />
      <StreamedPart
        what="Nominations"
        key={page}
        fallback={<ListPageSkeleton label="Loading nominations…" title={false} filters={0} />}
      >
        <NominationsList actor={actor} page={page} approver={approver} />
      </StreamedPart>
    </>
  );
}
