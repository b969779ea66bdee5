import type { Metadata } from "next";
import Link from "next/link";
import { OrgTree } from "@/components/directory/org-tree";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LoadingRegion, Skeleton } from "@/components/ui/skeleton";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { StreamedPart } from "@/components/ui/streamed-part";

export const metadata: Metadata = { title: "Organisations" };

export default async function OrgsPage({
  searchParams,
}: {
  searchParams: Promise<{ saved?: string }>;
}) {
  const actor = await requirePermission("directory.read");
  const editable = can(actor, "directory.manage");
  const { saved } = await searchParams;
  return (
    <Card>
      <div className="mb-3 flex items-center justify-between">
        {saved ? (
          <p role="status" className="text-sm text-green-700 dark:text-green-400">
            Organisation saved.
          </p>
        ) : (
          <span />
        )}
        {editable ? (
          <Link href="/directory/orgs/new" className={buttonClass("secondary")}>
            New organisation
          </Link>
        ) : null}
      </div>
      <StreamedPart
        what="The organisations"
        fallback={
          <LoadingRegion label="Loading organisations…">
            <Skeleton className="h-5 w-72" />
            <Skeleton className="ml-4 h-5 w-64" />
            <Skeleton className="ml-4 h-5 w-64" />
            <Skeleton className="h-5 w-72" />
          </LoadingRegion>
        }
      >
        <OrgTree actor={actor} editable={editable} />
      </StreamedPart>
    </Card>
  );
}
