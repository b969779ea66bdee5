import "server-only";
import { heldTodayWhere } from "@/lib/belts/validity";
import { db } from "@/lib/db/client";
import { BELT } from "@/lib/vocabulary";
import { monthRange, todayUtc } from "@/lib/period";

/** What a person who logs hours sees first: this month's total and recent entries. */
export async function getPersonalActivity(userId: number, today = new Date()) {
  const { start, end } = monthRange(today);
  const [month, recent] = await Promise.all([
    db.activityEntry.aggregate({
      where: { userId, deletedAt: null, date: { gte: start, lt: end } },
      _sum: { quarterHours: true },
    }),
    db.activityEntry.findMany({
      where: { userId, deletedAt: null },
      orderBy: [{ date: "desc" }, { id: "desc" }],
      take: 5,
      select: { id: true, date: true, quarterHours: true, type: true, note: true },
    }),
  ]);
  return { monthQuarterHours: month._sum.quarterHours ?? 0, recent };
}

export async function getGuardianStanding(userId: number) {
  const [memberships, awards, feedback] = await Promise.all([
    db.guardianMembership.findMany({
      where: { userId, status: { in: ["ACTIVE", "NOMINATED"] } },
      select: {
        id: true,
        status: true,
        activeOn: true,
        nominatedOn: true,
        team: { select: { name: true } },
      },
    }),
    db.beltAward.findMany({
      where: { userId, ...heldTodayWhere(todayUtc()) },
      select: { belt: true, awardedOn: true, expiresOn: true },
    }),
    db.feedback.aggregate({ where: { guardianId: userId }, _avg: { rating: true }, _count: true }),
  ]);
  // The highest belt held; of its periods (a renewal overlaps the one it renews), the one that
  // lasts longest, so the home shows the expiry that applies.
  const lasts = (a: { expiresOn: Date | null }) => a.expiresOn?.getTime() ?? Infinity;
  const belt =
    awards.sort((a, b) => BELT.rank(b.belt) - BELT.rank(a.belt) || lasts(b) - lasts(a))[0] ?? null;
  return {
    memberships,
    belt,
    feedbackAverage: feedback._avg.rating,
    feedbackCount: feedback._count,
  };
}

/** The active guardians of a team, for builders who need to know whom to ask. */
export async function getTeamGuardians(teamId: number | null) {
  if (!teamId) return [];
  return db.guardianMembership.findMany({
    where: { teamId, status: "ACTIVE" },
    select: { id: true, user: { select: { name: true, email: true } } },
    orderBy: { activeOn: "asc" },
  });
}
