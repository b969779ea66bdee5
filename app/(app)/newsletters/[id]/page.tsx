import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/newsletters/action-form";
import { DraftEditor } from "@/components/newsletters/draft-editor";
import { NewsletterView } from "@/components/newsletters/newsletter-view";
import { PrintButton } from "@/components/newsletters/print-button";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { formatDate, humanize } from "@/lib/format";
import { deliverAction, publishAction } from "@/lib/server/newsletters/actions";
import { getNewsletter } from "@/lib/server/newsletters/queries";

export const metadata: Metadata = { title: "Newsletter" };

export default async function NewsletterPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("newsletter.read");
  const id = Number((await params).id);
  const n = Number.isInteger(id) && id > 0 ? await getNewsletter(actor, id) : null;
  if (!n) notFound();
  const manage = can(actor, "newsletter.manage");
  const draft = n.status === "DRAFT";
  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600 dark:text-slate-400">{n.org.name} · {n.quarter} · {draft ? "Draft: figures follow the live data until publication" : `Published ${n.publishedAt ? formatDate(n.publishedAt) : ""}`}</p>
        <PrintButton />
      </div>
      {manage && draft ? (
        <Card className="no-print">
          <CardTitle>Edit before publishing</CardTitle>
          <div className="mt-3"><DraftEditor id={n.id} intro={n.intro} highlights={n.highlights} /></div>
          <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800"><ActionButton action={publishAction} fields={{ id: String(n.id) }} label="Publish" pendingLabel="Publishing…" /></div>
        </Card>
      ) : null}
      <NewsletterView content={n.rendered} />
      {manage && !draft ? (
        <Card className="no-print">
          <CardTitle>Email delivery</CardTitle>
          <table className="mt-2 w-full text-sm">
            <caption className="sr-only">Delivery per recipient</caption>
            <thead className="text-left text-xs text-slate-600 dark:text-slate-400"><tr><th scope="col" className="py-1">Recipient</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Detail</th></tr></thead>
            <tbody>{n.deliveries.map((d) => <tr key={d.id} className="border-t border-slate-100 dark:border-slate-800"><td className="py-1.5">{d.email}</td><td>{humanize(d.status)}</td><td>{d.attempts}</td><td className="text-xs">{d.status === "SENT" && d.sentAt ? `sent ${formatDate(d.sentAt)}` : d.lastError ?? ""}</td></tr>)}</tbody>
          </table>
          {n.deliveries.length === 0 ? <p className="mt-2 text-sm">No recipients: give the organisation a leader or extra addresses.</p> : null}
          <div className="mt-3"><ActionButton action={deliverAction} fields={{ id: String(n.id) }} label="Send to recipients not yet reached" pendingLabel="Sending…" /></div>
        </Card>
      ) : null}
    </div>
  );
}
