import type { Metadata } from "next";
import { Suspense } from "react";
import { NewslettersList } from "@/components/newsletters/newsletters-list";
import { PageHeader } from "@/components/ui/page-header";
import { parsePage } from "@/components/ui/pagination";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { newsletterFilterSchema } from "@/lib/validations/newsletter";

export const metadata: Metadata = { title: "Newsletters" };

export default async function NewslettersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePermission("newsletter.read");
  const params = await searchParams;
  const manage = can(actor, "newsletter.manage");
  const filter = newsletterFilterSchema.parse(params);
  if (!manage) filter.status = undefined;
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
      <Suspense
        key={JSON.stringify(params)}
        fallback={
          <ListPageSkeleton label="Loading newsletters…" title={false} filters={manage ? 2 : 0} />
        }
      >
        <NewslettersList
          actor={actor}
          filter={filter}
          page={parsePage(params.page)}
          manage={manage}
        />
      </Suspense>
    </>
  );
}
