import type { Metadata } from "next";
import { NewslettersList } from "@/components/newsletters/newsletters-list";
import { PageHeader } from "@/components/ui/page-header";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import type { SearchParams } from "@/lib/url-state/list-state";
import { newslettersList } from "@/lib/url-state/lists";
import { StreamedPart } from "@/components/ui/streamed-part";

export const metadata: Metadata = { title: "Newsletters" };

export default async function NewslettersPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("newsletter.read");
  const params = await searchParams;
  const manage = can(actor, "newsletter.manage");
  const state = newslettersList.parse(params);
  if (!manage) state.filter.status = undefined;
  return (
    <>
      <PageHeader
        title="Newsletters"
        description={
          manage
            ? "Quarterly newsletters for each organisation's leader: generate, edit, publish, send."
            : "Your organisation's quarterly newsletters."
        }
      />
      {/* A new key per query shows the skeleton again when the filters or the page change. */}
      <StreamedPart
        what="Newsletters"
        key={JSON.stringify(params)}
        fallback={
          <ListPageSkeleton label="Loading newsletters…" title={false} filters={manage ? 2 : 0} />
        }
      >
        <NewslettersList actor={actor} state={state} manage={manage} />
      </StreamedPart>
    </>
  );
}
