import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NothingToCompare, OrgComparisonTable } from "@/components/dashboard/org-comparison";
import { buttonClass } from "@/components/ui/button";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { StreamedPart } from "@/components/ui/streamed-part";
import { periodLabel } from "@/lib/metrics/period-labels";
import { quarterPeriod } from "@/lib/metrics/periods";
import { requirePermission } from "@/lib/auth/guards";
import { addQuarters, quarterKey, quarterLabel, quarterOf } from "@/lib/period";
import { NotFoundError } from "@/lib/server/errors";
import { comparisonLevel } from "@/lib/server/metrics/org-comparison";
import { withQuery, type SearchParams } from "@/lib/url-state/list-state";
import { dashboardView, orgComparisonList } from "@/lib/url-state/lists";
import { filterQuarters } from "@/lib/validations/dashboard";

export const metadata: Metadata = { title: "Compare organisations" };

// A static segment: it wins over /dashboard/[family].
export default async function ComparePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("dashboard.read");
  const params = await searchParams;
  const state = orgComparisonList.parse(params);
  // Resolved before the boundary: another organisation's sub-orgs answer 404.
  const level = await comparisonLevel(actor, state.filter).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { org, from, to } = state.filter;
  const quarter = filterQuarters(state.filter).at(-1)!;
  const quarters = Array.from({ length: 20 }, (_, i) => addQuarters(quarterOf(new Date()), -i));
  return (
    <>
      <PageHeader
        title="Compare organisations"
        description={`${level.parent ? `The sub-orgs of ${level.parent.name}` : "The organisations you can see"}, each with its own sub-orgs: ${periodLabel(quarterPeriod(quarter))}.`}
        actions={
          <>
            <Link
              href={dashboardView.href("/dashboard", { filter: { org, from, to } })}
              className={buttonClass("secondary")}
            >
              Overview
            </Link>
            {level.orgs.length > 1 ? (
              <a
                href={withQuery("/api/metrics/compare", orgComparisonList.query(state))}
                className={buttonClass("secondary")}
                download
              >
                Download CSV
              </a>
            ) : null}
          </>
        }
      />
      {level.parent ? (
        <nav aria-label="Organisation levels" className="mb-3 flex flex-wrap gap-1 text-sm">
          {[{ id: undefined, name: "Top level" }, ...level.trail].map((o) => (
            <span key={o.id ?? "top"}>
              <Link
                href={orgComparisonList.href("/dashboard/compare", {
                  filter: { org: o.id, from, to },
                  sort: state.sort,
                })}
                className="text-brand-600 hover:underline dark:text-brand-100"
              >
                {o.name}
              </Link>{" "}
              ›
            </span>
          ))}
          <span aria-current="page">{level.parent.name}</span>
        </nav>
      ) : null}
      <FilterBar
        action="/dashboard/compare"
        hidden={{ ...orgComparisonList.sortField(state), ...(org ? { org: String(org) } : {}) }}
      >
        <Select
          label="Quarter"
          name="to"
          defaultValue={to ?? ""}
          placeholder="Current quarter"
          options={quarters.map((q) => ({ value: quarterKey(q), label: quarterLabel(q) }))}
        />
      </FilterBar>
      {level.orgs.length < 2 ? (
        <NothingToCompare level={level} state={state} />
      ) : (
        <StreamedPart
          what="The comparison"
          key={JSON.stringify(params)}
          fallback={
            <ListPageSkeleton label="Loading the figures…" title={false} filters={0} rows={6} />
          }
        >
          <OrgComparisonTable level={level} state={state} />
        </StreamedPart>
      )}
    </>
  );
}
