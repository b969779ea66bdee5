import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, parsePage } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/guards";
import { queryScope } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Feedback" };
const PAGE_SIZE = 25;

export default async function FeedbackPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePermission("feedback.read");
  const page = parsePage((await searchParams).page);
  const scope = queryScope(actor, "feedback.read");
  // Guardians see their own ratings; managers their organisations'; leads and engineers everyone's.
  const where = scope.all ? {} : { OR: [...(scope.userId ? [{ guardianId: scope.userId }] : []), ...(scope.orgIds.length ? [{ guardian: { orgId: { in: scope.orgIds } } }] : [])] };
  const [total, rows, avg] = await Promise.all([
    db.feedback.count({ where }),
    db.feedback.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE,
      select: { id: true, rating: true, comment: true, createdAt: true, guardian: { select: { id: true, name: true } }, rater: { select: { name: true } }, review: { select: { id: true, key: true, service: true } }, threatModel: { select: { key: true, system: true } } } }),
    db.feedback.aggregate({ where, _avg: { rating: true } }),
  ]);
  return (
    <>
      <PageHeader title="Feedback" description={`Security engineers' ratings of guardians' input to reviews and threat models.${avg._avg.rating ? ` Average ${avg._avg.rating.toFixed(2)} / 5 over ${total} ratings.` : ""}`} />
      <Card>
        {rows.length === 0 ? <EmptyState title="No feedback yet">Ratings appear here once a security engineer rates input to a completed review or an approved threat model.</EmptyState> : (
          <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
            {rows.map((f) => (
              <li key={f.id} className="py-2">
                <p><strong>{f.rating}/5</strong> for <Link href={`/people/${f.guardian.id}`} className="text-brand-600 hover:underline dark:text-brand-100">{f.guardian.name}</Link> on {f.review ? <Link href={`/reviews/${f.review.id}`} className="text-brand-600 hover:underline dark:text-brand-100">{f.review.key} {f.review.service}</Link> : f.threatModel ? `${f.threatModel.key} ${f.threatModel.system}` : "—"}</p>
                <p className="text-slate-600 dark:text-slate-400">{f.comment ? `“${f.comment}” · ` : ""}{f.rater.name}, {formatDate(f.createdAt)}</p>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} pages={Math.max(1, Math.ceil(total / PAGE_SIZE))} total={total} basePath="/feedback" />
      </Card>
    </>
  );
}
