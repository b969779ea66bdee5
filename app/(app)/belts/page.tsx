import type { Metadata } from "next";
import { BeltBoard } from "@/components/belts/belt-board";
import { ReevaluateButton } from "@/components/belts/reevaluate-button";
import { PageHeader } from "@/components/ui/page-header";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { requirePermission } from "@/lib/auth/guards";
import { StreamedPart } from "@/components/ui/streamed-part";

export const metadata: Metadata = { title: "Belts" };

export default async function BeltsPage() {
  await requirePermission("belt.manage");
  return (
    <>
      <PageHeader
        title="Belts"
        description={
          "Belt rules are conditions over the program's data. Preview who would qualify before " +
          "saving; saving re-evaluates every active guardian. Belts are never removed silently."
        }
        actions={<ReevaluateButton />}
      />
      <StreamedPart
        what="The belt rules"
        fallback={
          <ListPageSkeleton label="Loading the belt rules…" title={false} stats={3} filters={0} />
        }
      >
        <BeltBoard />
      </StreamedPart>
    </>
  );
}
