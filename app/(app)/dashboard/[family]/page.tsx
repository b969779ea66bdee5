import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DashboardSkeleton } from "@/components/dashboard/dashboard-skeleton";
import { FamilyView } from "@/components/dashboard/family-view";
import { requirePermission } from "@/lib/auth/guards";
import { familyById } from "@/lib/metrics/series";
import { resolveScope } from "@/lib/server/metrics/dashboard";
import { NotFoundError } from "@/lib/server/errors";
import type { SearchParams } from "@/lib/url-state/list-state";
import { dashboardView } from "@/lib/url-state/lists";
import { StreamedPart } from "@/components/ui/streamed-part";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ family: string }>;
}): Promise<Metadata> {
  return { title: familyById((await params).family)?.title ?? "Dashboard" };
}

export default async function FamilyPage({
  params,
  searchParams,
}: {
  params: Promise<{ family: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("dashboard.read");
  const family = familyById((await params).family);
  if (!family) notFound();
  const query = await searchParams;
  const { filter, page } = dashboardView.parse(query);
  // Resolved before the Suspense boundary: another organisation's or team's view answers 404.
  const resolved = await resolveScope(actor, filter).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <StreamedPart
      what="This dashboard"
      key={JSON.stringify(query)}
      fallback={<DashboardSkeleton cards={0} />}
    >
      <FamilyView actor={actor} family={family} filter={filter} resolved={resolved} page={page} />
    </StreamedPart>
  );
}
