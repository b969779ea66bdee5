import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/guards";
import { formatDate } from "@/lib/format";
import { SPOT_CHECK_OUTCOME } from "@/lib/vocabulary";
import { spotCheckQueue } from "@/lib/server/fast-track/queries";
import type { SearchParams } from "@/lib/url-state/list-state";
import { pagedList } from "@/lib/url-state/lists";

export const metadata: Metadata = { title: "Spot checks" };

type Row = Awaited<ReturnType<typeof spotCheckQueue>>["waiting"][number];

const reviewColumn = {
  header: "Review",
  rowHeader: true,
  cell: (r: Row) => (
    <Link href={`/reviews/${r.reviewId}`} className="underline-offset-2 hover:underline">
      <span className="font-mono">{r.review.key}</span> {r.review.service}
    </Link>
  ),
};

export default async function SpotChecksPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("fasttrack.spotcheck");
  const state = pagedList.parse(await searchParams);
  const queue = await spotCheckQueue(actor, state.page);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Spot checks"
        description={
          "Fast-tracked reviews drawn at random for a check, oldest first. Open one, judge the " +
          "guardian's approval and record the outcome on the review's page."
        }
      />
      <Card>
        <CardTitle>Waiting for a spot check</CardTitle>
        <div className="mt-3">
          <DataTable
            caption="Fast-tracked reviews waiting for a spot check"
            rows={queue.waiting}
            rowKey={(r) => r.id}
            empty={<EmptyState title="No fast-tracked review is waiting for a spot check" />}
            columns={[
              reviewColumn,
              { header: "Team", cell: (r) => r.review.team.name },
              { header: "Guardian", cell: (r) => r.guardian.name },
              {
                header: "Fast-tracked",
                className: "whitespace-nowrap",
                cell: (r) => formatDate(r.approvedAt),
              },
            ]}
          />
          <Pagination
            page={state.page}
            pages={queue.pages}
            total={queue.total}
            href={(page) => pagedList.href("/fast-track/spot-checks", state, { page })}
          />
        </div>
      </Card>
      <Card>
        <CardTitle>Latest spot checks</CardTitle>
        <div className="mt-3">
          <DataTable
            caption="Latest spot checks"
            rows={queue.checked}
            rowKey={(r) => r.id}
            empty={<EmptyState title="No spot check recorded yet" />}
            columns={[
              reviewColumn,
              { header: "Guardian", cell: (r) => r.guardian.name },
              {
                header: "Outcome",
                cell: (r) =>
                  r.spotCheckOutcome ? SPOT_CHECK_OUTCOME.label(r.spotCheckOutcome) : "",
              },
              { header: "By", cell: (r) => r.spotCheckedBy?.name ?? "" },
              {
                header: "On",
                className: "whitespace-nowrap",
                cell: (r) => (r.spotCheckedAt ? formatDate(r.spotCheckedAt) : ""),
              },
            ]}
          />
        </div>
      </Card>
    </div>
  );
}
