import Link from "next/link";
import { GenerateForms } from "@/components/newsletters/generate-forms";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Pagination } from "@/components/ui/pagination";
import type { SessionActor } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { addQuarters, quarterKey, quarterOf } from "@/lib/period";
import { listNewsletters, newsletterOrgs } from "@/lib/server/newsletters/queries";
import { lastQuarterKey } from "@/lib/server/newsletters/service";
import { NEWSLETTER_STATUS } from "@/lib/vocabulary";
import { newslettersList } from "@/lib/url-state/lists";

/** For `manage`, the draft generator; then the filters and one page of newsletters. */
export async function NewslettersList({
  actor,
  state,
  manage,
}: {
  actor: SessionActor;
  state: ReturnType<typeof newslettersList.parse>;
  manage: boolean;
}) {
  const { filter, page } = state;
  const [{ rows, total, pages }, orgs] = await Promise.all([
    listNewsletters(actor, page, filter),
    newsletterOrgs(actor),
  ]);
  const orgOptions = orgs.map((o) => ({ value: String(o.id), label: o.name }));
  const filtered = newslettersList.query({ filter }) !== "";
  const current = quarterOf(new Date());
  const quarters = Array.from({ length: 8 }, (_, i) => quarterKey(addQuarters(current, -i))).map(
    (q) => ({ value: q, label: q }),
  );
  return (
    <>
      {manage ? (
        <Card className="mb-4">
          <CardTitle>New drafts</CardTitle>
          <div className="mt-3">
            <GenerateForms orgs={orgOptions} quarters={quarters} lastQuarter={lastQuarterKey()} />
          </div>
        </Card>
      ) : null}
      <Card>
        {orgs.length > 1 || manage ? (
          <FilterBar action="/newsletters">
            <Select
              label="Organisation"
              name="org"
              id="filter-org"
              defaultValue={filter.org ? String(filter.org) : ""}
              placeholder="All"
              options={orgOptions}
            />
            {manage ? (
              <Select
                label="Status"
                name="status"
                id="filter-status"
                defaultValue={filter.status ?? ""}
                placeholder="Any"
                options={NEWSLETTER_STATUS.options}
              />
            ) : null}
          </FilterBar>
        ) : null}
        {rows.length === 0 ? (
          filtered ? (
            <EmptyState
              title="No newsletters match these filters"
              action={{ href: "/newsletters", label: "Show every newsletter" }}
            />
          ) : (
            <EmptyState
              title={
                manage
                  ? "No newsletters yet"
                  : "No newsletter has been published for your organisation yet"
              }
            >
              {manage ? "Generate drafts above." : "The program lead publishes one each quarter."}
            </EmptyState>
          )
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.map((n) => (
              <li
                key={n.id}
                className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
              >
                <Link
                  href={`/newsletters/${n.id}`}
                  className="font-medium text-brand-600 hover:underline dark:text-brand-100"
                >
                  {n.org.name}, {n.quarter}
                </Link>
                <span className="text-slate-600 dark:text-slate-400">
                  {n.status === "PUBLISHED"
                    ? `Published ${n.publishedAt ? formatDate(n.publishedAt) : ""} · ${n._count.deliveries} delivered`
                    : "Draft"}
                </span>
              </li>
            ))}
          </ul>
        )}
        <Pagination
          page={page}
          pages={pages}
          total={total}
          href={newslettersList.pageHref("/newsletters", state)}
        />
      </Card>
    </>
  );
}
