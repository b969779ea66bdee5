import Link from "next/link";
import { TeamFilterField } from "@/components/reviews/team-picker";
import { TeamSuggestions } from "@/components/reviews/team-suggestions";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Pagination } from "@/components/ui/pagination";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { REVIEW_OUTCOME } from "@/lib/vocabulary";
import { addQuarters, quarterKey, quarterOf } from "@/lib/period";
import { listReviews, type ReviewFilter } from "@/lib/server/reviews/queries";

/** The filters and one page of reviews, with the team suggestions (`review-teams`) the page's forms share. */
export async function ReviewsList({
  actor,
  filter,
  team,
  page,
}: {
  actor: SessionActor;
  filter: ReviewFilter;
  team: { text: string; error?: string };
  page: number;
}) {
  const { rows, total, pages } = await listReviews(actor, filter, page);
  const quarters = Array.from({ length: 8 }, (_, i) =>
    quarterKey(addQuarters(quarterOf(new Date()), -i)),
  ).map((q) => ({ value: q, label: q }));
  const kept = Object.fromEntries(
    Object.entries({ ...filter, team: team.text || undefined })
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
  return (
    <>
      <TeamSuggestions id="review-teams" source="review" />
      <Card>
        <FilterBar action="/reviews">
          <TeamFilterField list="review-teams" value={team.text} error={team.error} />
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
        {rows.length === 0 ? (
          <EmptyState title="No reviews match these filters" />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Security reviews, newest request first</caption>
              <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
                <tr>
                  <th scope="col" className="py-2">
                    Review
                  </th>
                  <th scope="col">Team</th>
                  <th scope="col">Status</th>
                  <th scope="col">Engineer</th>
                  <th scope="col" className="text-right">
                    Findings
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-t border-slate-100 dark:border-slate-800">
                    <td className="py-2">
                      <Link
                        href={`/reviews/${r.id}`}
                        className="text-brand-600 hover:underline dark:text-brand-100"
                      >
                        <span className="font-mono text-xs">{r.key}</span> {r.service}
                      </Link>
                    </td>
                    <td>{r.team.name}</td>
                    <td className="whitespace-nowrap">
                      {r.completedAt
                        ? `Completed ${formatDate(r.completedAt)}${r.outcome ? ` · ${REVIEW_OUTCOME.label(r.outcome)}` : ""}`
                        : r.startedAt
                          ? `In progress since ${formatDate(r.startedAt)}`
                          : `Requested ${formatDate(r.requestedAt)}`}
                    </td>
                    <td>{r.securityEngineer?.name ?? "—"}</td>
                    <td className="text-right tabular-nums">{r._count.findings}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pages={pages} total={total} basePath="/reviews" params={kept} />
      </Card>
    </>
  );
}
