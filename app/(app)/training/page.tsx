import type { Metadata } from "next";
import { Suspense } from "react";
import { TrainingOverview } from "@/components/training/training-overview";
import { PageHeader } from "@/components/ui/page-header";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { requirePermission } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Training" };

export default async function TrainingPage({
  searchParams,
}: {
  searchParams: Promise<{ org?: string }>;
}) {
  const actor = await requirePermission("program.read");
  const org = Number((await searchParams).org);
  const orgId = Number.isInteger(org) && org > 0 && org <= 2_147_483_647 ? org : null;
  return (
    <>
      <PageHeader
        title="Training"
        description="The guardian training catalogue. Required courses count toward the Green belt."
      />
      <Suspense
        key={orgId ?? ""}
        fallback={
          <ListPageSkeleton label="Loading training…" title={false} stats={3} filters={0} />
        }
      >
        <TrainingOverview actor={actor} orgId={orgId} />
      </Suspense>
    </>
  );
}
