import type { Metadata } from "next";
import { RecognitionWall } from "@/components/recognition/recognition-wall";
import { PageHeader } from "@/components/ui/page-header";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { requirePermission } from "@/lib/auth/guards";
import { StreamedPart } from "@/components/ui/streamed-part";

export const metadata: Metadata = { title: "Recognition" };

export default async function RecognitionPage() {
  await requirePermission("program.read");
  return (
    <>
      <PageHeader
        title="Recognition wall"
        description="Recent belts, awards and contest placings across the program."
      />
      <StreamedPart
        what="Recognition"
        fallback={<ListPageSkeleton label="Loading recognition…" title={false} filters={0} />}
      >
        <RecognitionWall />
      </StreamedPart>
    </>
  );
}
