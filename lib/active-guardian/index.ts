// docs/metrics.md's "active guardian of a team on a day", defined once. A membership counts on every
// UTC day from the day it became active up to and including the day it ended (the day someone
// leaves still counts); one that never became active counts on no day. Membership status is not
// consulted: the dates are the record (an alumnus was active until `leftOn`).
// sql.ts states the same rule for PostgreSQL; tests/integration/active-guardian.test.ts pins that
// both agree.
import type { Prisma } from "@/lib/generated/prisma/client";
import { dayNumber, startOfUtcDay } from "@/lib/period";

export type MembershipDates = { activeOn: Date | null; leftOn: Date | null };

/** The rule's two columns of GuardianMembership, shared with the SQL form. */
export const ACTIVE_FROM = "activeOn" satisfies keyof MembershipDates;
export const ACTIVE_UNTIL = "leftOn" satisfies keyof MembershipDates;

/** First and last active day (inclusive UTC day numbers; open-ended = Infinity), or null. */
export function activeDays(m: MembershipDates): [number, number] | null {
  const from = m[ACTIVE_FROM];
  const until = m[ACTIVE_UNTIL];
  return from ? [dayNumber(from), until ? dayNumber(until) : Infinity] : null;
}

/** Was the membership active on the UTC day of `day`? */
export function isActiveOn(m: MembershipDates, day: Date): boolean {
  return isActiveBetween(m, day, day);
}

/** Was the membership active on at least one UTC day from `first` to `last` (inclusive)? */
export function isActiveBetween(m: MembershipDates, first: Date, last: Date): boolean {
  // Written without activeDays' array: the metrics call this for every logged entry.
  const from = m[ACTIVE_FROM];
  const until = m[ACTIVE_UNTIL];
  return (
    from !== null &&
    dayNumber(from) <= dayNumber(last) &&
    (until === null || dayNumber(until) >= dayNumber(first))
  );
}

/** The same rule as a Prisma filter on GuardianMembership, for one UTC day. */
export function activeOnWhere(day: Date) {
  const d = startOfUtcDay(day);
  return {
    [ACTIVE_FROM]: { lte: d },
    OR: [{ [ACTIVE_UNTIL]: null }, { [ACTIVE_UNTIL]: { gte: d } }],
  } satisfies Prisma.GuardianMembershipWhereInput;
}
