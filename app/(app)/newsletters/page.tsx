import type { Metadata } from "next";
import Link from "next/link";
import { GenerateForms } from "@/components/newsletters/generate-forms";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, parsePage } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/format";
import { addQuarters, quarterKey, quarterOf } from "@/lib/period";
import { listNewsletters } from "@/lib/server/newsletters/queries";
import { lastQuarterKey } from "@/lib/server/newsletters/service";

export const metadata: Metadata = { title: "Newsletters" };

export default async function NewslettersPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePermission("newsletter.read");
  const page = parsePage((await searchParams).page);
  const manage = can(actor, "newsletter.manage");
  const [{ rows, total, pages }, orgs] = await Promise.all([listNewsletters(actor, page), manage ? db.org.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }) : []]);
  const current = quarterOf(new Date());
  const quarters = Array.from({ length: 8 }, (_, i) => quarterKey(addQuarters(current, -i))).map((q) => ({ value: q, label: q }));
  return (
    <>
      <PageHeader title="Newsletters" description={manage ? "Quarterly newsletters for each organisation's leader: generate, edit, publish, send." : "Your organisation's quarterly newsletters."} />
      {manage ? <Card className="mb-4"><CardTitle>New drafts</CardTitle><div className="mt-3"><GenerateForms orgs={orgs.map((o) => ({ value: String(o.id), label: o.name }))} quarters={quarters} lastQuarter={lastQuarterKey()} /></div></Card> : null}
      <Card>
        {rows.length === 0 ? <EmptyState title={manage ? "No newsletters yet" : "No newsletter has been published for your organisation yet"}>{manage ? "Generate drafts above." : "The program lead publishes one each quarter."}</EmptyState> : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.map((n) => (
              <li key={n.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <Link href={`/newsletters/${n.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">{n.org.name}, {n.quarter}</Link>
                <span className="text-slate-600 dark:text-slate-400">{n.status === "PUBLISHED" ? `Published ${n.publishedAt ? formatDate(n.publishedAt) : ""} · ${n._count.deliveries} delivered` : "Draft"}</span>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} pages={pages} total={total} basePath="/newsletters" />
      </Card>
    </>
  );
}
