import "server-only";
import { db } from "@/lib/db/client";

export async function recentAwards(take = 30) {
  return db.beltAward.findMany({
    orderBy: [{ awardedOn: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      belt: true,
      awardedOn: true,
      revokedAt: true,
      revokeReason: true,
      evidence: true,
      user: { select: { id: true, name: true } },
    },
  });
}

export async function beltCounts() {
  const rows = await db.beltAward.groupBy({
    by: ["belt"],
    where: { revokedAt: null },
    _count: true,
  });
  return Object.fromEntries(rows.map((r) => [r.belt, r._count]));
}
