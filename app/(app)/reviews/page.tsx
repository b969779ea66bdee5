import type { Metadata } from "next";
import { RequestReviewForm } from "@/components/reviews/request-form";
import { ReviewsList } from "@/components/reviews/reviews-list";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { teamFilter } from "@/lib/server/teams/lookup";
import { isoDay } from "@/lib/period";
import type { SearchParams } from "@/lib/url-state/list-state";
import { reviewsList } from "@/lib/url-state/lists";
import { StreamedPart } from "@/components/ui/streamed-part";

export const metadata: Metadata = { title: "Security reviews" };

// The permission is checked before the Suspense boundary, so a refusal still answers 403.
export default async function ReviewsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("review.read");
  const p = await searchParams;
  const state = reviewsList.parse(p);
  const team = await teamFilter(actor, "review.read", state.filter.team);
  return (
    <>
      <PageHeader
        title="Security reviews"
        description="Application security reviews: requested, in progress and completed, with their findings."
      />
      {can(actor, "review.request") ? (
        <Card className="mb-4">
          <CardTitle>Request a review</CardTitle>
          <RequestReviewForm today={isoDay(new Date())} />
        </Card>
      ) : null}
      {/* A new key per query shows the skeleton again when the filters or the page change. */}
      <StreamedPart
        what="The reviews"
        key={JSON.stringify(p)}
        fallback={<ListPageSkeleton label="Loading reviews…" title={false} filters={6} />}
      >
        <ReviewsList actor={actor} state={state} team={team} />
      </StreamedPart>
    </>
  );
}
