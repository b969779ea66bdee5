import { shareToQuarterHours } from "@/lib/agreed-time/rules";
import { addUtcDays } from "@/lib/period";
import { Random } from "./random";
import type { ActivityRow, MembershipRow, OrgRow, UserRow } from "./types";

export type AgreementRow = {
  userId: number;
  effectiveFrom: Date;
  sharePercent: number | null;
  monthlyQuarterHours: number;
  note: string | null;
  recordedById: number;
  createdAt: Date;
};

const monthStart = (d: Date, add = 0) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1));
const monthsBetween = (a: Date, b: Date) =>
  (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();

/**
 * Time agreed with about seven in ten active guardians (always the demo guardian), recorded by the
 * leader of their top organisation: an allocation near what they have been logging (so some are
 * within their agreement, some under, some over), a quarter of them as a share of working time,
 * and for a third a later change. Drawn from a generator of its own, so the rest of the demo is
 * the same with or without it.
 */
export function simulateAgreements(
  seed: number,
  x: {
    memberships: MembershipRow[];
    users: UserRow[];
    orgs: OrgRow[];
    activities: ActivityRow[];
    today: Date;
    demoGuardianId: number;
  },
): AgreementRow[] {
  const rand = new Random(seed ^ 0x0a9eed);
  const orgs = new Map(x.orgs.map((o) => [o.id, o]));
  const topLeader = (orgId: number | null) => {
    let org = orgId === null ? undefined : orgs.get(orgId);
    while (org?.parentId) org = orgs.get(org.parentId);
    return org?.leaderId ?? null;
  };
  const users = new Map(x.users.map((u) => [u.id, u]));
  const since = addUtcDays(x.today, -182);
  const recent = new Map<number, number>();
  for (const a of x.activities)
    if (a.date >= since) recent.set(a.userId, (recent.get(a.userId) ?? 0) + a.quarterHours);
  const firstActive = new Map<number, Date>();
  for (const m of x.memberships)
    if (m.status === "ACTIVE" && m.activeOn && !(firstActive.get(m.userId)! <= m.activeOn))
      firstActive.set(m.userId, m.activeOn);
  const rows: AgreementRow[] = [];
  const thisMonth = monthStart(x.today);
  const earliest = monthStart(x.today, -11);
  for (const [userId, activeOn] of [...firstActive].sort((a, b) => a[0] - b[0])) {
    const demo = userId === x.demoGuardianId;
    if (!rand.chance(0.7) && !demo) continue;
    const recordedById = topLeader(users.get(userId)?.orgId ?? null);
    if (recordedById === null) continue;
    const perMonth = (recent.get(userId) ?? 0) / 6;
    const agree = (from: Date, factor: number, note: string | null) => {
      const target = Math.max(4, Math.round((perMonth * factor) / 2) * 2);
      const share = !demo && rand.chance(0.25) ? Math.max(1, Math.round(target / 6.4)) : null;
      const created = addUtcDays(from, -rand.int(0, 10));
      rows.push({
        userId,
        effectiveFrom: from,
        sharePercent: share,
        monthlyQuarterHours: share === null ? target : shareToQuarterHours(share),
        note,
        recordedById,
        createdAt: created > x.today ? x.today : created,
      });
    };
    const first = activeOn > earliest ? monthStart(activeOn) : earliest;
    agree(
      first,
      demo ? 1 : rand.pick([0.7, 0.9, 1, 1, 1.1, 1.3, 1.6]),
      "Agreed at the yearly check-in.",
    );
    const room = monthsBetween(first, thisMonth);
    if (room >= 1 && (demo || rand.chance(0.35)))
      agree(
        demo ? monthStart(x.today, -1) : monthStart(first, rand.int(1, room)),
        demo ? 1.2 : rand.pick([0.8, 1.2, 1.5]),
        rand.pick(["More review work this half.", "Adjusted after the team's planning.", null]),
      );
  }
  return rows;
}
