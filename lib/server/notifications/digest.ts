import "server-only";
import { db } from "@/lib/db/client";
import { isoDay } from "@/lib/period";
import { KIND_ORDER, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { enqueueNow } from "@/lib/server/jobs/queue";

/** How far back a digest looks: notifications older than this were never meant for email. */
const DIGEST_WINDOW_DAYS = 7;

/**
 * The daily digest: for every person with notifications waiting for it (email choice "daily
 * digest", not yet emailed, from the last week), one outbox row for the day carrying them all,
 * written in one statement; then one queue job per row. Running it again the same day adds only
 * what arrived since and re-queues the day's unsent digests (a sent one is never sent again).
 */
export async function prepareDailyDigests(now: Date): Promise<{ digests: number; queued: number }> {
  const day = isoDay(now);
  const digestByDefault = KIND_ORDER.filter(
    (k) => NOTIFICATION_KINDS[k].defaultEmail === "DIGEST" && NOTIFICATION_KINDS[k].digestible,
  );
  const digestible = KIND_ORDER.filter((k) => NOTIFICATION_KINDS[k].digestible);
  const created = await db.$queryRaw<{ digests: number }[]>`
    WITH waiting AS (
      SELECT n.id, n."userId" FROM "Notification" n
      JOIN "User" u ON u.id = n."userId" AND u."deactivatedAt" IS NULL
      LEFT JOIN "NotificationPreference" p ON p."userId" = n."userId" AND p.kind = n.kind
      WHERE n."emailId" IS NULL AND n."emailedAt" IS NULL
        AND n."createdAt" <= ${now} AND n."createdAt" > ${now}::timestamptz - make_interval(days => ${DIGEST_WINDOW_DAYS})
        AND n.kind::text = ANY(${digestible}::text[])
        AND coalesce(p.email::text, CASE WHEN n.kind::text = ANY(${digestByDefault}::text[]) THEN 'DIGEST' END) = 'DIGEST'
    ),
    people AS (SELECT DISTINCT "userId" FROM waiting),
    emails AS (
      INSERT INTO "NotificationEmail" ("userId", "digestDay")
      SELECT "userId", ${day}::date FROM people
      -- Today's digest again (a retry): reuse it unless it went out already; what arrived after
      -- it went out waits for tomorrow's.
      ON CONFLICT ("userId", "digestDay") DO UPDATE SET "digestDay" = EXCLUDED."digestDay"
        WHERE "NotificationEmail".status <> 'SENT'
      RETURNING id, "userId"
    ),
    attached AS (
      UPDATE "Notification" n SET "emailId" = e.id
      FROM waiting w JOIN emails e ON e."userId" = w."userId"
      WHERE n.id = w.id
      RETURNING e.id
    )
    SELECT count(DISTINCT id)::int AS digests FROM attached`;
  const pending = await db.notificationEmail.findMany({
    where: { digestDay: new Date(`${day}T00:00:00Z`), status: { not: "SENT" } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  await enqueueNow(
    pending.map((e) => ({
      name: "notification-email" as const,
      data: { emailId: e.id.toString() },
    })),
  );
  return { digests: created[0]?.digests ?? 0, queued: pending.length };
}
