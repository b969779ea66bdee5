import type { Metadata } from "next";
import { AlertsList } from "@/components/coverage-alerts/alerts-list";
import { PageHeader } from "@/components/ui/page-header";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { StreamedPart } from "@/components/ui/streamed-part";
import { requirePermission } from "@/lib/auth/guards";
import type { SearchParams } from "@/lib/url-state/list-state";
import { alertsList } from "@/lib/url-state/lists";

export const metadata: Metadata = { title: "Coverage alerts" };

export default async function AlertsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("program.manage");
  const params = await searchParams;
  const state = alertsList.parse(params);
  return (
    <>
      <PageHeader
        title="Coverage alerts"
        description="Teams that lost their guardian, whose only guardian went quiet, that have had none for 30 days, or that are over their risk budget. Checked every morning; an alert closes itself when its condition clears."
      />
      {/* A new key per query shows the skeleton again when the filter or the page change. */}
      <StreamedPart
        what="Coverage alerts"
        key={JSON.stringify(params)}
        fallback={<ListPageSkeleton label="Loading alerts…" title={false} filters={1} />}
      >
        <AlertsList actor={actor} state={state} />
      </StreamedPart>
    </>
  );
}
