import type { Metadata } from "next";
import Link from "next/link";
import { GenerateForms } from "@/components/newsletters/generate-forms";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, parsePage } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { addQuarters, quarterKey, quarterOf } from "@/lib/period";
import { listNewsletters, newsletterOrgs } from "@/lib/server/newsletters/queries";
import { newsletterFilterSchema } from "@/lib/validations/newsletter";
import { lastQuarterKey } from "@/lib/server/newsletters/service";

export const metadata: Metadata = { title: "Newsletters" };

export default async function NewslettersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePermission("newsletter.read");
  const params = await searchParams;
  const page = parsePage(params.page);
  const manage = can(actor, "newsletter.manage");
  const filter = newsletterFilterSchema.parse(params);
  if (!manage) filter.status = undefined;
  const [{ rows, total, pages }, orgs] = await Promise.all([listNewsletters(actor, page, filter), newsletterOrgs(actor)]);
  const orgOptions = orgs.map((o) => ({ value: String(o.id), label: o.name }));
  const kept = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  const filtered = Object.keys(kept).length > 0;
  const current = quarterOf(new Date());
  const quarters = Array.from({ length: 8 }, (_, i) => quarterKey(addQuarters(current, -i))).map((q) => ({ value: q, label: q }));
  return (
    <>
      <PageHeader title="Newsletters" description={manage ? "Quarterly newsletters for each organisation's leader: generate, edit, publish, send." : "Your organisation's quarterly newsletters."} />
      {manage ? <Card className="mb-4"><CardTitle>New drafts</CardTitle><div className="mt-3"><GenerateForms orgs={orgOptions} quarters={quarters} lastQuarter={lastQuarterKey()} /></div></Card> : null}
      <Card>
        {orgs.length > 1 || manage ? (
          <FilterBar action="/newsletters">
            <Select label="Organisation" name="org" id="filter-org" defaultValue={filter.org ? String(filter.org) : ""} placeholder="All" options={orgOptions} />
            {manage ? <Select label="Status" name="status" id="filter-status" defaultValue={filter.status ?? ""} placeholder="Any" options={[{ value: "DRAFT", label: "Draft" }, { value: "PUBLISHED", label: "Published" }]} /> : null}
          </FilterBar>
        ) : null}
        {rows.length === 0 ? (
          filtered ? <EmptyState title="No newsletters match these filters" action={{ href: "/newsletters", label: "Show every newsletter" }} />
            : <EmptyState title={manage ? "No newsletters yet" : "No newsletter has been published for your organisation yet"}>{manage ? "Generate drafts above." : "The program lead publishes one each quarter."}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.map((n) => (
              <li key={n.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <Link href={`/newsletters/${n.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">{n.org.name}, {n.quarter}</Link>
                <span className="text-slate-600 dark:text-slate-400">{n.status === "PUBLISHED" ? `Published ${n.publishedAt ? formatDate(n.publishedAt) : ""} · ${n._count.deliveries} delivered` : "Draft"}</span>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} pages={pages} total={total} basePath="/newsletters" params={kept} />
      </Card>
    </>
  );
}
