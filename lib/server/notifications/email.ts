import "server-only";
import { db } from "@/lib/db/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { isoDay } from "@/lib/period";
import { notificationEmail } from "@/lib/notifications/email-content";
import { signUnsubscribe } from "@/lib/notifications/unsubscribe-token";
import { appUrl, derivedKey } from "@/lib/server/app-url";
import type { Mailer } from "@/lib/server/mail";

export type SendOutcome = "sent" | "skipped" | "nothing";

export function unsubscribeSecret(): string {
  return derivedKey("unsubscribe").toString("base64url");
}

/**
 * Sends one outbox email (an immediate notification or a person's digest). The row is locked
 * while it is sent and marked SENT in the same transaction, so two workers never both send it
 * and a retry after success does nothing; its Message-ID is fixed by its id, so even a resend
 * after a crash between the SMTP server's answer and the commit is recognisably the same email.
 * A failure is recorded on the row and thrown, for the queue to retry with backoff.
 */
export async function sendOutboxEmail(
  emailId: bigint,
  mailer: Mailer | null,
): Promise<SendOutcome> {
  let failure: Error | null = null;
  const outcome = await db.$transaction(
    async (tx): Promise<SendOutcome> => {
      const rows = await tx.$queryRaw<
        {
          status: string;
          digestDay: Date | null;
          userId: number;
          email: string;
          name: string;
          deactivatedAt: Date | null;
        }[]
      >`
        SELECT e.status::text, e."digestDay", u.id AS "userId", u.email, u.name, u."deactivatedAt"
        FROM "NotificationEmail" e JOIN "User" u ON u.id = e."userId"
        WHERE e.id = ${emailId} FOR UPDATE OF e SKIP LOCKED`;
      const row = rows[0];
      if (!row || row.status === "SENT") return "skipped";
      const items = await tx.notification.findMany({
        where: { emailId },
        orderBy: { id: "asc" },
        select: { kind: true, title: true, body: true, link: true, createdAt: true },
      });
      if (items.length === 0 || row.deactivatedAt) {
        // Nothing left to say (or nobody to say it to): settled without an email.
        await tx.notificationEmail.update({
          where: { id: emailId },
          data: { status: "SENT", lastError: row.deactivatedAt ? "account deactivated" : null },
        });
        return "nothing";
      }
      const base = appUrl();
      const digestDay = row.digestDay ? isoDay(row.digestDay) : null;
      const token = signUnsubscribe(unsubscribeSecret(), {
        userId: row.userId,
        scope: digestDay ? { digest: true } : { kind: items[0].kind as NotificationKind },
      });
      const unsubscribeUrl = `${base}/unsubscribe/${token}`;
      const content = notificationEmail({
        name: row.name,
        items,
        digestDay,
        baseUrl: base,
        unsubscribeUrl,
      });
      try {
        if (!mailer) throw new Error("Email is not configured: set SMTP_HOST (see README).");
        const host = new URL(base).hostname || "guardians";
        const sent = await mailer.send({
          to: row.email,
          ...content,
          messageId: `<notification-email-${emailId}@${host}>`,
          headers: {
            "List-Unsubscribe": `<${base}/api/unsubscribe/${token}>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          },
        });
        await tx.notificationEmail.update({
          where: { id: emailId },
          data: {
            status: "SENT",
            sentAt: new Date(),
            messageId: sent.messageId,
            attempts: { increment: 1 },
            lastError: null,
          },
        });
        await tx.notification.updateMany({ where: { emailId }, data: { emailedAt: new Date() } });
        return "sent";
      } catch (error) {
        failure = error as Error;
        await tx.notificationEmail.update({
          where: { id: emailId },
          data: {
            status: "FAILED",
            attempts: { increment: 1 },
            lastError: failure.message.slice(0, 500),
          },
        });
        return "skipped";
      }
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  if (failure) throw failure;
  return outcome;
}
