import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { todayUtc } from "@/lib/period";
import type { Belt } from "@/lib/vocabulary";
import { heldOnDay } from "./held-sql";

export async function recentAwards(take = 30) {
  return db.beltAward.findMany({
    orderBy: [{ awardedOn: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      belt: true,
      awardedOn: true,
      expiresOn: true,
      renewal: true,
      revokedAt: true,
      revokeReason: true,
      evidence: true,
      user: { select: { id: true, name: true } },
    },
  });
}

/** How many people hold each belt today (docs/metrics.md, "held belt"). */
export async function beltCounts(today = todayUtc()) {
  const rows = await db.$queryRaw<{ belt: Belt; n: number }[]>`
    SELECT b.belt, count(DISTINCT b."userId")::int AS n FROM "BeltAward" b
    WHERE ${heldOnDay(Prisma.sql`${today}::date`, "b")}
    GROUP BY b.belt`;
  return Object.fromEntries(rows.map((r) => [r.belt, r.n]));
}
