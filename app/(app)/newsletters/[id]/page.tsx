import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/newsletters/action-button";
import { DraftEditor } from "@/components/newsletters/draft-editor";
import { NewsletterView } from "@/components/newsletters/newsletter-view";
import { PrintButton } from "@/components/newsletters/print-button";
import { DeliveryCard } from "@/components/newsletters/delivery-card";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { publishAction } from "@/lib/server/newsletters/actions";
import { getNewsletter } from "@/lib/server/newsletters/queries";
import { routeId } from "@/lib/validations/fields";
import { possessive } from "@/lib/possessive";

export const metadata: Metadata = { title: "Newsletter" };

export default async function NewsletterPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("newsletter.read");
  const id = routeId((await params).id);
  const n = id ? await getNewsletter(actor, id) : null;
  if (!n) notFound();
  const manage = can(actor, "newsletter.manage");
  const draft = n.status === "DRAFT";
  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {draft ? "Draft: figures follow the live data until publication." : ""}
        </p>
        <PrintButton />
      </div>
      {manage && draft ? (
        <Card className="no-print">
          <CardTitle>Edit before publishing</CardTitle>
          <div className="mt-3">
            <DraftEditor id={n.id} intro={n.intro} highlights={n.highlights} />
          </div>
          <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
            <ActionButton
              action={publishAction}
              fields={{ id: String(n.id) }}
              label="Publish"
              pendingLabel="Publishing…"
              confirm={{
                title: "Publish this newsletter?",
                body: [
                  "Publishing freezes its content for good: the figures and text stay as they are",
                  "now, even when the data changes, and it can no longer be edited.",
                  `${possessive(n.org.name)} leader can then read it in the app.`,
                  `Nothing is emailed until you press Send (${n.recipients.length}`,
                  `recipient${n.recipients.length === 1 ? "" : "s"} at the moment).`,
                ].join(" "),
                confirmLabel: "Publish now",
              }}
            />
          </div>
        </Card>
      ) : null}
      <NewsletterView
        content={n.rendered}
        masthead={{ org: n.org.name, quarter: n.quarter, publishedAt: n.publishedAt }}
      />
      {manage && !draft ? (
        <DeliveryCard id={n.id} deliveries={n.deliveries} recipients={n.recipients} />
      ) : null}
    </div>
  );
}
