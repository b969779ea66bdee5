import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DashboardOverview } from "@/components/dashboard/overview";
import { DashboardSkeleton } from "@/components/dashboard/dashboard-skeleton";
import { requirePermission } from "@/lib/auth/guards";
import { resolveScope } from "@/lib/server/metrics/dashboard";
import { NotFoundError } from "@/lib/server/errors";
import type { SearchParams } from "@/lib/url-state/list-state";
import { dashboardView } from "@/lib/url-state/lists";
import { StreamedPart } from "@/components/ui/streamed-part";

export const metadata: Metadata = { title: "Program dashboard" };

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("dashboard.read");
  const params = await searchParams;
  const { filter } = dashboardView.parse(params);
  // Resolved before the Suspense boundary: another organisation's or team's view answers 404.
  const resolved = await resolveScope(actor, filter).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <StreamedPart
      what="The dashboard"
      key={JSON.stringify(params)}
      fallback={<DashboardSkeleton />}
    >
      <DashboardOverview actor={actor} filter={filter} resolved={resolved} />
    </StreamedPart>
  );
}
