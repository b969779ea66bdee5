import { addUtcDays, startOfUtcDay } from "@/lib/period";
import { DAY, Random } from "./random";
import type {
  ActivityRow,
  MembershipRow,
  ParticipantRow,
  ReviewRow,
  ScaleConfig,
  UserRow,
} from "./types";

const TYPES: [string, number][] = [
  ["QUESTION", 5],
  ["SPRINT_STORY", 4],
  ["DEEP_DIVE", 2],
  ["SUPPORT", 3],
  ["THREAT_MODEL", 2],
  ["TRAINING", 2],
  ["OTHER", 1],
];
const STEPS = [1, 2, 2, 3, 4, 4, 4, 6, 8];
const NOTES = [
  "Helped a teammate with input validation",
  "Reviewed auth changes in a PR",
  "Wrote security stories for the sprint",
  "Dug into a dependency advisory",
  null,
  null,
  null,
];

/** Hours logged: guardians at a personal monthly rate, builders now and then, plus review work. */
export function simulateActivities(
  rand: Random,
  cfg: ScaleConfig,
  memberships: MembershipRow[],
  users: UserRow[],
  reviews: ReviewRow[],
  participants: ParticipantRow[],
  start: Date,
  today: Date,
): ActivityRow[] {
  const rows: ActivityRow[] = [];
  const perDay = new Map<string, number>();
  const push = (
    userId: number,
    date: Date,
    qh: number,
    type: string,
    reviewId: number | null,
    note: string | null,
  ) => {
    if (date > today) return;
    const key = `${userId}:${date.getTime()}`;
    const used = perDay.get(key) ?? 0;
    if (used + qh > 96) return;
    perDay.set(key, used + qh);
    rows.push({ id: rows.length + 1, userId, date, quarterHours: qh, type, reviewId, note });
  };
  for (const m of memberships) {
    if (!m.activeOn) continue;
    const end = m.leftOn ?? today;
    const monthlyHours = rand.lognormal(2.9, 0.45);
    for (
      let month = new Date(Date.UTC(m.activeOn.getUTCFullYear(), m.activeOn.getUTCMonth(), 1));
      month <= end;
      month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))
    ) {
      const entries = rand.poisson(monthlyHours / 0.85);
      const daysInMonth = new Date(
        Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0),
      ).getUTCDate();
      for (let e = 0; e < entries; e++) {
        const date = addUtcDays(month, rand.int(0, daysInMonth - 1));
        if (date < m.activeOn || date > end) continue;
        push(m.userId, date, rand.pick(STEPS), rand.weighted(TYPES), null, rand.pick(NOTES));
      }
    }
  }
  // Review work is logged on the day a review completes, linked to it.
  const guardianIds = new Set(memberships.filter((m) => m.activeOn).map((m) => m.userId));
  const completed = new Map(reviews.filter((r) => r.completedAt).map((r) => [r.id, r]));
  for (const p of participants) {
    const review = completed.get(p.reviewId);
    if (review && p.effortQuarterHours && guardianIds.has(p.userId))
      push(
        p.userId,
        startOfUtcDay(review.completedAt!),
        Math.min(p.effortQuarterHours, 32),
        "REVIEW",
        review.id,
        null,
      );
  }
  const months = Math.round((today.getTime() - start.getTime()) / (30.4 * DAY));
  for (const u of users) {
    if (!u.roles.includes("BUILDER") || guardianIds.has(u.id)) continue;
    const n = rand.poisson(months * cfg.builderLogRate * 1.5);
    for (let i = 0; i < n; i++)
      push(
        u.id,
        startOfUtcDay(
          new Date(start.getTime() + rand.next() * (today.getTime() - start.getTime())),
        ),
        rand.pick(STEPS),
        rand.weighted(TYPES),
        null,
        null,
      );
  }
  rows.sort((a, b) => a.date.getTime() - b.date.getTime() || a.userId - b.userId);
  rows.forEach((r, i) => (r.id = i + 1));
  return rows;
}
