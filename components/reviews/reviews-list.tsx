import Link from "next/link";
import { TeamFilterField } from "@/components/reviews/team-picker";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Pagination } from "@/components/ui/pagination";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { REVIEW_OUTCOME } from "@/lib/vocabulary";
import { addQuarters, quarterKey, quarterOf } from "@/lib/period";
import { listReviews } from "@/lib/server/reviews/queries";
import { reviewsList } from "@/lib/url-state/lists";
import type { Sort } from "@/lib/url-state/sort";

type Review = Awaited<ReturnType<typeof listReviews>>["rows"][number];

const columns: Column<Review>[] = [
  {
    header: "Review",
    cell: (r) => (
      <Link
        href={`/reviews/${r.id}`}
        className="text-brand-600 hover:underline dark:text-brand-100"
      >
        <span className="font-mono text-xs">{r.key}</span> {r.service}
      </Link>
    ),
  },
  { header: "Team", cell: (r) => r.team.name },
  {
    header: "Status",
    className: "whitespace-nowrap",
    cell: (r) =>
      r.completedAt
        ? `Completed ${formatDate(r.completedAt)}${r.outcome ? ` · ${REVIEW_OUTCOME.label(r.outcome)}` : ""}`
        : r.startedAt
          ? `In progress since ${formatDate(r.startedAt)}`
          : `Requested ${formatDate(r.requestedAt)}`,
  },
  {
    header: "Requested",
    sortKey: "requested",
    sortDescFirst: true,
    className: "hidden whitespace-nowrap md:table-cell",
    cell: (r) => formatDate(r.requestedAt),
  },
  {
    header: "Completed",
    sortKey: "completed",
    sortDescFirst: true,
    className: "hidden whitespace-nowrap md:table-cell",
    cell: (r) => (r.completedAt ? formatDate(r.completedAt) : "—"),
  },
  { header: "Engineer", cell: (r) => r.securityEngineer?.name ?? "—" },
  { header: "Findings", align: "right", cell: (r) => r._count.findings },
];

const caption = (sort: Sort) =>
  sort.key === "completed"
    ? `Security reviews, ${sort.desc ? "latest" : "earliest"} completion first`
    : `Security reviews, ${sort.desc ? "newest" : "oldest"} request first`;

/** The filters and one page of reviews. */
export async function ReviewsList({
  actor,
  state,
  team,
}: {
  actor: SessionActor;
  state: ReturnType<typeof reviewsList.parse>;
  team: { teamId?: number; text: string; error?: string };
}) {
  const { filter, page } = state;
  const { rows, total, pages } = await listReviews(
    actor,
    { ...filter, team: team.teamId },
    page,
    state.sort,
  );
  const quarters = Array.from({ length: 8 }, (_, i) =>
    quarterKey(addQuarters(quarterOf(new Date()), -i)),
  ).map((q) => ({ value: q, label: q }));
  return (
    <>
      <Card>
        <FilterBar action="/reviews" hidden={reviewsList.sortField(state)}>
          <TeamFilterField source="review" value={team.text} error={team.error} />
          <Select
            label="Status"
            name="status"
            defaultValue={filter.status ?? ""}
            placeholder="Any"
            options={[
              { value: "requested", label: "Requested" },
              { value: "in-progress", label: "In progress" },
              { value: "open", label: "Not completed" },
              { value: "completed", label: "Completed" },
            ]}
          />
          <Select
            label="Engineer"
            name="engineer"
            defaultValue={filter.engineer ?? ""}
            placeholder="Anyone"
            options={[
              ...(can(actor, "review.conduct") ? [{ value: "me", label: "Assigned to me" }] : []),
              { value: "none", label: "Not assigned" },
            ]}
          />
          <Select
            label="Guardian"
            name="guardian"
            defaultValue={filter.guardian ?? ""}
            placeholder="Any"
            options={[
              { value: "with", label: "With a guardian" },
              { value: "without", label: "Without a guardian" },
            ]}
          />
          <Select
            label="Period"
            name="period"
            defaultValue={filter.period ?? ""}
            placeholder="Any time"
            options={quarters}
          />
          <Select
            label="Period applies to"
            name="periodOf"
            defaultValue={filter.periodOf ?? "completed"}
            options={[
              { value: "completed", label: "Completed date" },
              { value: "requested", label: "Requested date" },
            ]}
          />
        </FilterBar>
        <DataTable
          caption={caption(state.sort)}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          empty={<EmptyState title="No reviews match these filters" />}
          sort={reviewsList.tableSort("/reviews", state)}
        />
        <Pagination
          page={page}
          pages={pages}
          total={total}
          href={reviewsList.pageHref("/reviews", state)}
        />
      </Card>
    </>
  );
}
