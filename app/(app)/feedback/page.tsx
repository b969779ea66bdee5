import type { Metadata } from "next";
import { Suspense } from "react";
import { FeedbackList } from "@/components/feedback/feedback-list";
import { parsePage } from "@/components/ui/pagination";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { requirePermission } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Feedback" };

export default async function FeedbackPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string }>;
}) {
  const actor = await requirePermission("feedback.read");
  const page = parsePage((await searchParams).page);
  return (
    // The header gives the average, so it loads with the list.
    <Suspense key={page} fallback={<ListPageSkeleton label="Loading feedback…" filters={0} />}>
      <FeedbackList actor={actor} page={page} />
    </Suspense>
  );
}
