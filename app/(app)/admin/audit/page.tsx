import type { Metadata } from "next";
import { AuditList } from "@/components/audit/audit-list";
import { PageHeader } from "@/components/ui/page-header";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { requirePermission } from "@/lib/auth/guards";
import type { SearchParams } from "@/lib/url-state/list-state";
import { auditList } from "@/lib/url-state/lists";
import { StreamedPart } from "@/components/ui/streamed-part";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("audit.read");
  const params = await searchParams;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made in the app: who, when, what, before and after. Entries cannot be edited or deleted."
      />
      {/* A new key per query shows the skeleton again when the filters or the page change. */}
      <StreamedPart
        what="The audit log"
        key={JSON.stringify(params)}
        fallback={
          <ListPageSkeleton label="Loading the audit log…" title={false} filters={5} rows={12} />
        }
      >
        <AuditList actor={actor} state={auditList.parse(params)} />
      </StreamedPart>
    </>
  );
}
