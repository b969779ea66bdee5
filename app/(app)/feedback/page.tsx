import type { Metadata } from "next";
import { FeedbackList } from "@/components/feedback/feedback-list";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { requirePermission } from "@/lib/auth/guards";
import type { SearchParams } from "@/lib/url-state/list-state";
import { pagedList } from "@/lib/url-state/lists";
import { StreamedPart } from "@/components/ui/streamed-part";

export const metadata: Metadata = { title: "Feedback" };

export default async function FeedbackPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("feedback.read");
  const { page } = pagedList.parse(await searchParams);
  return (
    // The header gives the average, so it loads with the list.
    <StreamedPart
      what="Feedback"
      key={page}
      fallback={<ListPageSkeleton label="Loading feedback…" filters={0} />}
    >
      <FeedbackList actor={actor} page={page} />
    </StreamedPart>
  );
}
