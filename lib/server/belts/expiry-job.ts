import "server-only";
import { db } from "@/lib/db/client";
import { addMonthsClamped, RENEWAL_WINDOW_MONTHS } from "@/lib/belts/validity";
import { beltExpiring } from "@/lib/notifications/messages";
import { notify } from "@/lib/server/notifications/notify";
import { todayUtc } from "@/lib/period";
import type { Belt } from "@/lib/vocabulary";
import { activeGuardianIds, loadValidities } from "./facts";
import { dueRenewals, recordRenewal } from "./renewals";

/**
 * The daily belt job (docs/scheduled-notifications.md), for the UTC day of `now`: first renews
 * the belts whose holders meet their renewal conditions (window open or lapsed), then reminds
 * the holders of the rest whose window is open. One reminder per period: its event key names
 * the award, so a daily run reminds each holder once, a month before (or on the first run after
 * a rule change put the expiry nearer).
 */
export async function runBeltExpiry(now: Date): Promise<{ renewed: number; reminded: number }> {
  const today = todayUtc(now);
  const horizon = addMonthsClamped(today, RENEWAL_WINDOW_MONTHS);
  // Holders with a live period that is lapsed or in its window: the only ones with a renewal due.
  const due = await db.beltAward.findMany({
    where: { revokedAt: null, expiresOn: { lte: horizon } },
    distinct: ["userId"],
    select: { userId: true },
  });
  const guardians = new Set(await activeGuardianIds());
  const candidates = due.map((d) => d.userId).filter((id) => guardians.has(id));
  let renewed = 0;
  for (const r of await dueRenewals(candidates, await loadValidities(), today)) {
    if (await recordRenewal(r, null, today)) renewed++;
  }
  // Periods expiring within the window with no later live period of the same belt.
  const expiring = await db.$queryRaw<
    { id: number; userId: number; belt: Belt; expiresOn: Date }[]
  >`
    SELECT a.id, a."userId", a.belt, a."expiresOn" FROM "BeltAward" a
    JOIN "User" u ON u.id = a."userId" AND u."deactivatedAt" IS NULL
    WHERE a."revokedAt" IS NULL AND a."expiresOn" > ${today}::date AND a."expiresOn" <= ${horizon}::date
      AND NOT EXISTS (SELECT 1 FROM "BeltAward" b WHERE b."userId" = a."userId" AND b.belt = a.belt
        AND b."revokedAt" IS NULL AND b."awardedOn" > a."awardedOn")
    ORDER BY a.id`;
  let reminded = 0;
  for (const a of expiring) {
    const sent = await db.$transaction((tx) =>
      notify(tx, {
        kind: "BELT_EXPIRING",
        userIds: [a.userId],
        ...beltExpiring(a),
        link: `/people/${a.userId}`,
        eventKey: `belt-expiring:${a.id}`,
      }),
    );
    reminded += sent.length;
  }
  return { renewed, reminded };
}
