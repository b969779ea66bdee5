import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Select } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, parsePage } from "@/components/ui/pagination";
import { SimpleForm } from "@/components/ui/simple-form";
import { requirePermission } from "@/lib/auth/guards";
import { can, queryScope } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { formatDate, humanize } from "@/lib/format";
import { addQuarters, quarterKey, quarterOf } from "@/lib/period";
import { requestReviewAction } from "@/lib/server/reviews/actions";
import { listReviews, type ReviewFilter } from "@/lib/server/reviews/queries";

export const metadata: Metadata = { title: "Security reviews" };

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePermission("review.read");
  const p = await searchParams;
  const filter: ReviewFilter = {
    team: Number(p.team) > 0 ? Number(p.team) : undefined,
    status: ["requested", "in-progress", "open", "completed"].includes(p.status ?? "") ? (p.status as ReviewFilter["status"]) : undefined,
    guardian: p.guardian === "with" || p.guardian === "without" ? p.guardian : undefined,
    period: /^\d{4}-Q[1-4]$/.test(p.period ?? "") ? p.period : undefined,
    engineer: p.engineer === "me" || p.engineer === "none" ? p.engineer : undefined,
  };
  const page = parsePage(p.page);
  const scope = queryScope(actor, "review.read");
  const [{ rows, total, pages }, teams] = await Promise.all([
    listReviews(actor, filter, page),
    db.team.findMany({ where: scope.all ? {} : { orgId: { in: scope.orgIds } }, orderBy: { name: "asc" }, take: 500, select: { id: true, name: true } }),
  ]);
  const teamOptions = teams.map((t) => ({ value: String(t.id), label: t.name }));
  const quarters = Array.from({ length: 8 }, (_, i) => quarterKey(addQuarters(quarterOf(new Date()), -i))).map((q) => ({ value: q, label: q }));
  const kept = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return (
    <>
      <PageHeader title="Security reviews" description="Application security reviews: requested, in progress and completed, with their findings." />
      {can(actor, "review.request") ? (
        <Card className="mb-4">
          <CardTitle>Request a review</CardTitle>
          <SimpleForm action={requestReviewAction} label="Request a review" submit="Request review" className="mt-3">
            <Select label="Team" name="teamId" id="req-team" options={teamOptions} placeholder="Choose…" required />
            <Field label="Service or feature" name="service" id="req-service" required className="w-64" />
          </SimpleForm>
        </Card>
      ) : null}
      <Card>
        <FilterBar action="/reviews">
          <Select label="Team" name="team" defaultValue={filter.team ? String(filter.team) : ""} placeholder="All" options={teamOptions} />
          <Select label="Status" name="status" defaultValue={filter.status ?? ""} placeholder="Any" options={[{ value: "requested", label: "Requested" }, { value: "in-progress", label: "In progress" }, { value: "open", label: "Not completed" }, { value: "completed", label: "Completed" }]} />
          <Select label="Engineer" name="engineer" defaultValue={filter.engineer ?? ""} placeholder="Anyone" options={[...(can(actor, "review.conduct") ? [{ value: "me", label: "Assigned to me" }] : []), { value: "none", label: "Not assigned" }]} />
          <Select label="Guardian" name="guardian" defaultValue={filter.guardian ?? ""} placeholder="Any" options={[{ value: "with", label: "With a guardian" }, { value: "without", label: "Without a guardian" }]} />
          <Select label="Completed in" name="period" defaultValue={filter.period ?? ""} placeholder="Any time" options={quarters} />
        </FilterBar>
        {rows.length === 0 ? <EmptyState title="No reviews match these filters" /> : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Security reviews, newest request first</caption>
              <thead className="text-left text-xs text-slate-600 dark:text-slate-400"><tr><th scope="col" className="py-2">Review</th><th scope="col">Team</th><th scope="col">Status</th><th scope="col">Engineer</th><th scope="col" className="text-right">Findings</th></tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-t border-slate-100 dark:border-slate-800">
                    <td className="py-2"><Link href={`/reviews/${r.id}`} className="text-brand-600 hover:underline dark:text-brand-100"><span className="font-mono text-xs">{r.key}</span> {r.service}</Link></td>
                    <td>{r.team.name}</td>
                    <td className="whitespace-nowrap">{r.completedAt ? `Completed ${formatDate(r.completedAt)}${r.outcome ? ` · ${humanize(r.outcome)}` : ""}` : r.startedAt ? `In progress since ${formatDate(r.startedAt)}` : `Requested ${formatDate(r.requestedAt)}`}</td>
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
