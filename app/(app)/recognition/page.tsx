import type { Metadata } from "next";
import { RecognitionWall } from "@/components/recognition/recognition-wall";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
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
        description="Recent belts, awards and contest placings across the program, of everyone who has not hidden themselves from it."
        actions={
          <Link href="/recognition/leaderboards" className={buttonClass("secondary")}>
            Team and organisation leaderboards
          </Link>
        }
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
