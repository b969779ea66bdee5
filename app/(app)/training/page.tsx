import type { Metadata } from "next";
import { TrainingOverview } from "@/components/training/training-overview";
import { PageHeader } from "@/components/ui/page-header";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { requirePermission } from "@/lib/auth/guards";
import type { SearchParams } from "@/lib/url-state/list-state";
import { trainingView } from "@/lib/url-state/lists";
import { StreamedPart } from "@/components/ui/streamed-part";

export const metadata: Metadata = { title: "Training" };

export default async function TrainingPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("program.read");
  const orgId = trainingView.parse(await searchParams).filter.org ?? null;
  return (
    <>
      <PageHeader
        title="Training"
        description="The guardian training catalogue. Required courses count toward the Green belt."
      />
      <StreamedPart
        what="Training"
        key={orgId ?? ""}
        fallback={
          <ListPageSkeleton label="Loading training…" title={false} stats={3} filters={0} />
        }
      >
        <TrainingOverview actor={actor} orgId={orgId} />
      </StreamedPart>
    </>
  );
}
