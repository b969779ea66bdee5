import type { Metadata } from "next";
import { LogForm } from "@/components/activity/log-form";
import { MonthTotal } from "@/components/activity/month-total";
import { OwnEntries } from "@/components/activity/own-entries";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingRegion, Skeleton } from "@/components/ui/skeleton";
import { requirePermission } from "@/lib/auth/guards";
import { latestLoggableDate } from "@/lib/activity-rules";
import { linkOptions } from "@/lib/server/activity/queries";
import { isoDay } from "@/lib/period";
import type { SearchParams } from "@/lib/url-state/list-state";
import { pagedList } from "@/lib/url-state/lists";
import { StreamedPart } from "@/components/ui/streamed-part";

export const metadata: Metadata = { title: "Log hours" };

export default async function LogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("activity.log");
  const params = await searchParams;
  const { page } = pagedList.parse(params);
  const now = new Date();
  // The form is the page's purpose: it is shown (and focused) at once; the figures stream in.
  const links = await linkOptions(actor);
  return (
    <>
      <PageHeader
        title="Log security work"
        description="Hours you spend on security work count toward the program's figures."
      />
      <div className="grid gap-4 lg:grid-cols-[1fr_16rem]">
        <Card>
          <LogForm links={links} serverToday={isoDay(now)} maxDate={latestLoggableDate(now)} />
        </Card>
        <Card>
          <CardTitle>This month</CardTitle>
          <StreamedPart
            what="Your month"
            fallback={
              <LoadingRegion label="Loading your month…" className="mt-1">
                <Skeleton className="h-9 w-24" />
                <Skeleton className="h-2" />
              </LoadingRegion>
            }
          >
            <MonthTotal actor={actor} now={now} />
          </StreamedPart>
        </Card>
      </div>
      <Card className="mt-6">
        <CardTitle>Your entries</CardTitle>
        {params.saved ? (
          <p role="status" className="mt-1 text-sm text-green-700 dark:text-green-400">
            Entry updated. The earlier version is kept in its history.
          </p>
        ) : null}
        <div className="mt-2">
          <StreamedPart
            what="Your entries"
            key={page}
            fallback={
              <LoadingRegion label="Loading your entries…">
                {[0, 1, 2, 3, 4, 5].map((i) => (
                  <Skeleton key={i} className="h-5" />
                ))}
              </LoadingRegion>
            }
          >
            <OwnEntries actor={actor} page={page} />
          </StreamedPart>
        </div>
      </Card>
    </>
  );
}
