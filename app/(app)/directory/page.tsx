import type { Metadata } from "next";
import { Suspense } from "react";
import { TeamsTable } from "@/components/directory/teams-table";
import { parsePage } from "@/components/ui/pagination";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { requirePermission } from "@/lib/auth/guards";
import { directoryFilterSchema } from "@/lib/validations/directory";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePermission("directory.read");
  const params = await searchParams;
  return (
    // A new key per query shows the skeleton again when the filters or the page change.
    <Suspense
      key={JSON.stringify(params)}
      fallback={<ListPageSkeleton label="Loading teams…" title={false} filters={4} />}
    >
      <TeamsTable
        actor={actor}
        filter={directoryFilterSchema.parse(params)}
        page={parsePage(params.page)}
      />
    </Suspense>
  );
}
