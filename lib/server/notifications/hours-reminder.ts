import "server-only";
import { activeOnDay } from "@/lib/active-guardian/sql";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { MONTHLY_REFERENCE_QUARTER_HOURS } from "@/lib/hours";
import { hoursReminderMessage } from "@/lib/notifications/scheduled-messages";
import { isoDay, monthKey, monthRange } from "@/lib/period";
import { notify } from "./notify";

/** People notified per transaction. */
const BATCH = 500;

/**
 * The monthly hours reminder (docs/scheduled-notifications.md), run on the 25th: every active
 * guardian (on the UTC day of `now`) whose hours logged in the calendar month of `now` are below
 * the program's reference gets one notification for the month, with their hours so far. The
 * event key names the month, so a second run the same month notifies nobody twice; how it
 * reaches them by email follows their preference (notify()).
 */
export async function sendHoursReminders(now: Date): Promise<{ below: number; notified: number }> {
  const { start, end } = monthRange(now);
  const below = await db.$queryRaw<{ userId: number; quarterHours: number }[]>`
    WITH guardians AS (
      SELECT DISTINCT g."userId" FROM "GuardianMembership" g
      JOIN "User" u ON u.id = g."userId" AND u."deactivatedAt" IS NULL
      WHERE ${activeOnDay(Prisma.sql`${isoDay(now)}::date`)}
    )
    SELECT gd."userId", coalesce(sum(e."quarterHours"), 0)::int AS "quarterHours"
    FROM guardians gd LEFT JOIN "ActivityEntry" e ON e."userId" = gd."userId"
      AND e."deletedAt" IS NULL AND e.date >= ${start} AND e.date < ${end}
    GROUP BY gd."userId"
    HAVING coalesce(sum(e."quarterHours"), 0) < ${MONTHLY_REFERENCE_QUARTER_HOURS}
    ORDER BY gd."userId"`;
  // One message per total (at most 14 of them), each sent to everyone with that total.
  const byTotal = new Map<number, number[]>();
  for (const r of below) {
    const same = byTotal.get(r.quarterHours) ?? [];
    byTotal.set(r.quarterHours, same);
    same.push(r.userId);
  }
  const eventKey = `hours-reminder:${monthKey(now)}`;
  let notified = 0;
  for (const [quarterHours, userIds] of byTotal) {
    const { title, body } = hoursReminderMessage(quarterHours, now);
    for (let i = 0; i < userIds.length; i += BATCH) {
      const batch = userIds.slice(i, i + BATCH);
      const sent = await db.$transaction(
        (tx) =>
          notify(tx, {
            kind: "HOURS_REMINDER",
            userIds: batch,
            title,
            body,
            link: "/log",
            eventKey,
          }),
        { timeout: 60_000, maxWait: 10_000 },
      );
      notified += sent.length;
    }
  }
  return { below: below.length, notified };
}
