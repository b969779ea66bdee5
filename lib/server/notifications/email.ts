import "server-only";
import { db } from "@/lib/db/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { isoDay } from "@/lib/period";
import { notificationEmail, type EmailItem } from "@/lib/notifications/email-content";
import { signUnsubscribe } from "@/lib/notifications/unsubscribe-token";
import { appUrl, derivedKey } from "@/lib/server/app-url";
import type { Mailer } from "@/lib/server/mail";

/** What became of one outbox email: sent, nothing to do (sent already, taken, or empty), or why it failed. */
export type SendOutcome = "sent" | "skipped" | "nothing" | Error;

export function unsubscribeSecret(): string {
  return derivedKey("unsubscribe").toString("base64url");
}

type OutboxRow = {
  id: bigint;
  status: string;
  digestDay: Date | null;
  userId: number;
  email: string;
  name: string;
  deactivatedAt: Date | null;
};

/**
 * Sends outbox emails (immediate notifications or people's digests), a batch at a time. The rows
 * are locked while they are sent and marked SENT in the same transaction, so two workers never
 * both send one and a job for a sent row does nothing; rows another worker holds are skipped.
 * Each Message-ID is fixed by the row's id, so even a resend after a crash between the SMTP
 * server's answer and the commit is recognisably the same email. A failure is recorded on its
 * row (attempts, lastError) and returned, for the queue to retry that email alone.
 * A batch costs a handful of statements whatever its size; the sends go out in parallel over the
 * mailer's pooled connections.
 */
export async function sendOutboxEmails(
  emailIds: bigint[],
  mailer: Mailer | null,
): Promise<Map<bigint, SendOutcome>> {
  const outcomes = new Map<bigint, SendOutcome>(emailIds.map((id) => [id, "skipped"]));
  if (emailIds.length === 0) return outcomes;
  await db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<OutboxRow[]>`
        SELECT e.id, e.status::text, e."digestDay", u.id AS "userId", u.email, u.name, u."deactivatedAt"
        FROM "NotificationEmail" e JOIN "User" u ON u.id = e."userId"
        WHERE e.id = ANY(${emailIds}::bigint[]) AND e.status <> 'SENT'
        ORDER BY e.id
        FOR UPDATE OF e SKIP LOCKED`;
      if (rows.length === 0) return;
      const items = await tx.notification.findMany({
        where: { emailId: { in: rows.map((r) => r.id) } },
        orderBy: { id: "asc" },
        select: {
          emailId: true,
          kind: true,
          title: true,
          body: true,
          link: true,
          createdAt: true,
        },
      });
      const byEmail = new Map<bigint, EmailItem[]>();
      for (const { emailId, ...item } of items) {
        const list = byEmail.get(emailId!) ?? [];
        list.push(item);
        byEmail.set(emailId!, list);
      }
      const base = appUrl();
      const host = new URL(base).hostname || "guardians";
      const secret = unsubscribeSecret();
      await Promise.all(
        rows.map(async (row) => {
          const list = byEmail.get(row.id) ?? [];
          // Nothing left to say (or nobody to say it to): settled without an email.
          if (list.length === 0 || row.deactivatedAt) return outcomes.set(row.id, "nothing");
          try {
            if (!mailer) throw new Error("Email is not configured: set SMTP_HOST (see README).");
            const digestDay = row.digestDay ? isoDay(row.digestDay) : null;
            const token = signUnsubscribe(secret, {
              userId: row.userId,
              scope: digestDay ? { digest: true } : { kind: list[0].kind as NotificationKind },
            });
            const content = notificationEmail({
              name: row.name,
              items: list,
              digestDay,
              baseUrl: base,
              unsubscribeUrl: `${base}/unsubscribe/${token}`,
            });
            await mailer.send({
              to: row.email,
              ...content,
              messageId: `<notification-email-${row.id}@${host}>`,
              headers: {
                "List-Unsubscribe": `<${base}/api/unsubscribe/${token}>`,
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
              },
            });
            outcomes.set(row.id, "sent");
          } catch (error) {
            outcomes.set(row.id, error instanceof Error ? error : new Error(String(error)));
          }
        }),
      );
      const settled = rows.filter((r) => !(outcomes.get(r.id) instanceof Error)).map((r) => r.id);
      const sent = settled.filter((id) => outcomes.get(id) === "sent");
      if (settled.length > 0) {
        await tx.$executeRaw`
          UPDATE "NotificationEmail" SET status = 'SENT',
            "sentAt" = CASE WHEN id = ANY(${sent}::bigint[]) THEN now() END,
            "messageId" = CASE WHEN id = ANY(${sent}::bigint[]) THEN '<notification-email-' || id || '@' || ${host} || '>' END,
            attempts = attempts + CASE WHEN id = ANY(${sent}::bigint[]) THEN 1 ELSE 0 END,
            "lastError" = NULL
          WHERE id = ANY(${settled}::bigint[])`;
        await tx.$executeRaw`UPDATE "Notification" SET "emailedAt" = now() WHERE "emailId" = ANY(${sent}::bigint[])`;
      }
      const failed = rows.filter((r) => outcomes.get(r.id) instanceof Error);
      if (failed.length > 0)
        await tx.$executeRaw`
          UPDATE "NotificationEmail" e SET status = 'FAILED', attempts = e.attempts + 1, "lastError" = f.error
          FROM unnest(${failed.map((r) => r.id)}::bigint[], ${failed.map((r) => (outcomes.get(r.id) as Error).message.slice(0, 500))}::text[]) AS f(id, error)
          WHERE e.id = f.id`;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return outcomes;
}

/** One outbox email (see sendOutboxEmails); throws its failure, for a queue job of its own. */
export async function sendOutboxEmail(
  emailId: bigint,
  mailer: Mailer | null,
): Promise<"sent" | "skipped" | "nothing"> {
  const outcome = (await sendOutboxEmails([emailId], mailer)).get(emailId)!;
  if (outcome instanceof Error) throw outcome;
  return outcome;
}
