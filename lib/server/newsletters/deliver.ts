import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { NewsletterContent } from "@/lib/newsletter/assemble";
import { newsletterRecipients } from "@/lib/newsletter/recipients";
import { renderHtml, renderText } from "@/lib/newsletter/render";
import { appUrl } from "@/lib/server/app-url";
import { audit } from "@/lib/server/audit";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { mailerFromEnv, type Mailer } from "@/lib/server/mail";
import { RECIPIENTS_SELECT } from "./service";

export type DeliveryReport = { sent: number; failed: number; alreadySent: number };

/**
 * Sends a published newsletter to every current recipient not yet reached. Recipients added since
 * publication (a new leader, an extra address) get a delivery row first; an address that already
 * has one keeps it, so whoever received the issue is never sent it again. Each delivery row is
 * locked while it is sent, so retries and concurrent resends never send twice to the same person.
 * Rows of former recipients stay as a record and are not sent.
 */
export async function deliver(
  actor: SessionActor | null,
  id: number,
  mailer: Mailer | null = mailerFromEnv(),
): Promise<DeliveryReport> {
  if (actor && !can(actor, "newsletter.manage")) throw new PermissionError();
  const n = await db.newsletter.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      content: true,
      quarter: true,
      publishedAt: true,
      orgId: true,
      org: { select: { name: true, ...RECIPIENTS_SELECT } },
    },
  });
  if (!n) throw new NotFoundError("newsletter");
  if (n.status !== "PUBLISHED" || !n.content)
    throw new DomainError("Publish the newsletter before sending it.");
  const content = n.content as unknown as NewsletterContent;
  const readUrl = `${appUrl()}/newsletters/${id}`;
  const masthead = { org: n.org.name, quarter: n.quarter, publishedAt: n.publishedAt };
  const recipients = newsletterRecipients(n.org);
  const added = (
    await db.newsletterDelivery.createMany({
      data: recipients.map((email) => ({ newsletterId: id, email })),
      skipDuplicates: true,
    })
  ).count;
  const pending = await db.newsletterDelivery.findMany({
    where: { newsletterId: id, status: { not: "SENT" }, email: { in: recipients } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  const report: DeliveryReport = {
    sent: 0,
    failed: 0,
    alreadySent: await db.newsletterDelivery.count({ where: { newsletterId: id, status: "SENT" } }),
  };
  for (const { id: deliveryId } of pending) {
    const outcome = await db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<
          { email: string; status: string }[]
        >`SELECT email, status::text FROM "NewsletterDelivery" WHERE id = ${deliveryId} FOR UPDATE SKIP LOCKED`;
        const row = rows[0];
        if (!row || row.status === "SENT") return "skipped" as const;
        try {
          if (!mailer) throw new Error("Email is not configured: set SMTP_HOST (see README).");
          const { messageId } = await mailer.send({
            to: row.email,
            subject: content.title,
            html: renderHtml(content, masthead, readUrl),
            text: renderText(content, masthead, readUrl),
          });
          await tx.newsletterDelivery.update({
            where: { id: deliveryId },
            data: {
              status: "SENT",
              messageId,
              sentAt: new Date(),
              lastError: null,
              attempts: { increment: 1 },
            },
          });
          return "sent" as const;
        } catch (error) {
          await tx.newsletterDelivery.update({
            where: { id: deliveryId },
            data: {
              status: "FAILED",
              lastError: (error as Error).message.slice(0, 500),
              attempts: { increment: 1 },
            },
          });
          return "failed" as const;
        }
      },
      { timeout: 60_000 },
    );
    if (outcome === "sent") report.sent++;
    if (outcome === "failed") report.failed++;
  }
  await db.$transaction((tx) =>
    audit(tx, {
      actorId: actor?.id ?? null,
      action: "deliver",
      entity: "Newsletter",
      entityId: id,
      orgId: n.orgId,
      after: { ...report, added },
    }),
  );
  return report;
}
