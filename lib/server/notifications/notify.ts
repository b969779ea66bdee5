import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmailChoice, NotificationKind } from "@/lib/generated/prisma/enums";
import { emailChoice } from "@/lib/notifications/kinds";
import { enqueue } from "@/lib/server/jobs/queue";

type Tx = Prisma.TransactionClient;

export type NotificationEvent = {
  kind: NotificationKind;
  /** The people concerned; the actor who caused it is usually left out by the caller. */
  userIds: Iterable<number>;
  title: string;
  body?: string;
  /** The record's page in the app ("/reviews/12"). */
  link: string;
  /** Identifies the event: the same event never notifies the same person twice. */
  eventKey: string;
};

/**
 * Notifies people of an event inside the transaction that makes the change: if it rolls back,
 * nobody is notified. People deactivated are skipped; someone already notified of this event
 * is not notified again. Whoever wants this kind by email at once gets an outbox row and a queue
 * job (in the same transaction); "off" settles the notification now; "daily digest" leaves it
 * for the next digest. Returns the ids of the people notified.
 */
export async function notify(tx: Tx, event: NotificationEvent): Promise<number[]> {
  const userIds = [...new Set(event.userIds)].filter((id) => Number.isInteger(id));
  if (userIds.length === 0) return [];
  const created = await tx.$queryRaw<{ id: bigint; userId: number; choice: EmailChoice | null }[]>`
    WITH created AS (
      INSERT INTO "Notification" ("userId", kind, title, body, link, "eventKey")
      SELECT u.id, ${event.kind}::"NotificationKind", ${event.title}, ${event.body ?? ""}, ${event.link}, ${event.eventKey}
      FROM "User" u WHERE u.id = ANY(${userIds}::int[]) AND u."deactivatedAt" IS NULL
      ON CONFLICT ("userId", "eventKey") DO NOTHING
      RETURNING id, "userId"
    )
    SELECT c.id, c."userId", p.email::text AS choice
    FROM created c LEFT JOIN "NotificationPreference" p ON p."userId" = c."userId" AND p.kind = ${event.kind}::"NotificationKind"`;
  const byChoice = { IMMEDIATE: [] as bigint[], DIGEST: [] as bigint[], OFF: [] as bigint[] };
  for (const row of created)
    byChoice[emailChoice(event.kind, row.choice ? { [event.kind]: row.choice } : {})].push(row.id);
  if (byChoice.OFF.length > 0)
    await tx.$executeRaw`UPDATE "Notification" SET "emailedAt" = now() WHERE id = ANY(${byChoice.OFF}::bigint[])`;
  if (byChoice.IMMEDIATE.length > 0) {
    // One outbox row per notification, tied to it (a person has one notification per event).
    const emails = await tx.$queryRaw<{ id: bigint }[]>`
      WITH n AS (SELECT id, "userId" FROM "Notification" WHERE id = ANY(${byChoice.IMMEDIATE}::bigint[])),
      e AS (INSERT INTO "NotificationEmail" ("userId") SELECT "userId" FROM n RETURNING id, "userId")
      UPDATE "Notification" x SET "emailId" = e.id FROM e, n
      WHERE x.id = n.id AND n."userId" = e."userId"
      RETURNING e.id`;
    await enqueue(
      tx,
      emails.map((e) => ({
        name: "notification-email" as const,
        data: { emailId: e.id.toString() },
        singletonKey: `email:${e.id}`,
      })),
    );
  }
  return created.map((r) => r.userId);
}
