import type { Metadata } from "next";
import { JobsOverview } from "@/components/admin/jobs-overview";
import { PageHeader } from "@/components/ui/page-header";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { StreamedPart } from "@/components/ui/streamed-part";
import { requirePermission } from "@/lib/auth/guards";
import type { SearchParams } from "@/lib/url-state/list-state";
import { jobsList } from "@/lib/url-state/lists";

export const metadata: Metadata = { title: "Background jobs" };

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("jobs.manage");
  const params = await searchParams;
  return (
    <>
      <PageHeader
        title="Background jobs"
        description="Emails, digests, reminders, coverage alerts and chat posts run as jobs. A job that fails is retried with growing delays; one that keeps failing stops here with its error, to be retried once the cause is fixed."
      />
      <StreamedPart
        what="The job queue"
        key={JSON.stringify(params)}
        fallback={<ListPageSkeleton label="Loading the job queue…" title={false} rows={8} />}
      >
        <JobsOverview actor={actor} state={jobsList.parse(params)} />
      </StreamedPart>
    </>
  );
}
