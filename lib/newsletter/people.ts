import { isActiveBetween, isActiveOn } from "@/lib/active-guardian";

export type QuarterMembership = {
  userId: number;
  name: string;
  team: string;
  activeOn: Date;
  leftOn: Date | null;
};
export type QuarterGuardian = {
  userId: number;
  name: string;
  teams: string[];
  leftOn: Date | null;
};

/**
 * The people who were active guardians of the organisation's teams on at least one day of the
 * quarter (memberships already narrowed to those), each once with all their teams. Someone with no
 * membership still active on the quarter's last day left during it: `leftOn` is their last day.
 */
export function guardiansOfQuarter(
  memberships: QuarterMembership[],
  first: Date,
  last: Date,
): QuarterGuardian[] {
  const byUser = new Map<number, QuarterMembership[]>();
  for (const m of memberships) {
    if (!isActiveBetween(m, first, last)) continue;
    byUser.set(m.userId, [...(byUser.get(m.userId) ?? []), m]);
  }
  return [...byUser.entries()].map(([userId, ms]) => {
    const stayed = ms.some((m) => isActiveOn(m, last));
    const leftOn = stayed ? null : new Date(Math.max(...ms.map((m) => m.leftOn!.getTime())));
    return {
      userId,
      name: ms[0].name,
      teams: [...new Set(ms.map((m) => m.team))].sort((a, b) => a.localeCompare(b)),
      leftOn,
    };
  });
}
