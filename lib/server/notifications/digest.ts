import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
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
  // Who waits for a digest, and which of their notifications go in it: one condition for both
  // statements below.
  const waiting = Prisma.sql`
    n."emailId" IS NULL AND n."emailedAt" IS NULL
    AND n."createdAt" <= ${now} AND n."createdAt" > ${now}::timestamptz - make_interval(days => ${DIGEST_WINDOW_DAYS})
    AND n.kind::text = ANY(${digestible}::text[])
    AND coalesce(
      (SELECT p.email::text FROM "NotificationPreference" p WHERE p."userId" = n."userId" AND p.kind = n.kind),
      CASE WHEN n.kind::text = ANY(${digestByDefault}::text[]) THEN 'DIGEST' END
    ) = 'DIGEST'
    AND EXISTS (SELECT 1 FROM "User" u WHERE u.id = n."userId" AND u."deactivatedAt" IS NULL)`;
  const digests = await db.$transaction(
    async (tx) => {
      // Two set-based statements over everyone (a few seconds at 50,000 people): a job's budget,
      // not a request's.
      await tx.$executeRaw`SET LOCAL statement_timeout = '120s'`;
      // Today's digest again (a retry) is reused unless it went out already; what arrived after
      // it went out waits for tomorrow's.
      await tx.$executeRaw`
        INSERT INTO "NotificationEmail" ("userId", "digestDay")
        SELECT DISTINCT n."userId", ${day}::date FROM "Notification" n WHERE ${waiting}
        ON CONFLICT ("userId", "digestDay") DO NOTHING`;
      // Each notification joins its person's digest of the day through the (userId, digestDay)
      // unique index.
      const rows = await tx.$queryRaw<{ digests: number }[]>`
        WITH attached AS (
          UPDATE "Notification" n SET "emailId" = e.id
          FROM "NotificationEmail" e
          WHERE e."userId" = n."userId" AND e."digestDay" = ${day}::date AND e.status <> 'SENT'
            AND ${waiting}
          RETURNING e.id
        )
        SELECT count(DISTINCT id)::int AS digests FROM attached`;
      return rows[0]?.digests ?? 0;
    },
    { timeout: 120_000 },
  );
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
  return { digests, queued: pending.length };
}
