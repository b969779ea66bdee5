// The edges of the "active guardian on a day" rule, checked against its TypeScript form
// (tests/unit/active-guardian.test.ts) and its SQL and Prisma forms (tests/integration/).
import type { MembershipDates } from "@/lib/active-guardian";
import { parseIsoDay as d } from "@/lib/period";

export const EXAMPLES = {
  alumnus: { activeOn: d("2026-03-10"), leftOn: d("2026-06-20") },
  current: { activeOn: d("2026-03-10"), leftOn: null },
  nominee: { activeOn: null, leftOn: null },
  oneDay: { activeOn: d("2026-04-01"), leftOn: d("2026-04-01") },
} satisfies Record<string, MembershipDates>;

/** [what, membership, ISO day, active that day?] */
export const ACTIVE_GUARDIAN_CASES: [string, MembershipDates, string, boolean][] = [
  ["the day before it became active", EXAMPLES.alumnus, "2026-03-09", false],
  ["the day it became active", EXAMPLES.alumnus, "2026-03-10", true],
  ["a day in between", EXAMPLES.alumnus, "2026-05-01", true],
  ["the day it ended", EXAMPLES.alumnus, "2026-06-20", true],
  ["the day after it ended", EXAMPLES.alumnus, "2026-06-21", false],
  ["long after, still open", EXAMPLES.current, "2030-01-01", true],
  ["before, still open", EXAMPLES.current, "2026-03-09", false],
  ["never active", EXAMPLES.nominee, "2026-05-01", false],
  ["a one-day membership, on that day", EXAMPLES.oneDay, "2026-04-01", true],
  ["a one-day membership, the day after", EXAMPLES.oneDay, "2026-04-02", false],
];

/** [what, membership, first ISO day, last ISO day, active on some day between?] */
export const ACTIVE_BETWEEN_CASES: [string, MembershipDates, string, string, boolean][] = [
  ["a span ending the day it became active", EXAMPLES.alumnus, "2026-01-01", "2026-03-10", true],
  ["a span starting the day it ended", EXAMPLES.alumnus, "2026-06-20", "2026-09-30", true],
  ["a span starting the day after it ended", EXAMPLES.alumnus, "2026-06-21", "2026-09-30", false],
  ["a span ending the day before", EXAMPLES.alumnus, "2026-01-01", "2026-03-09", false],
  ["a span inside", EXAMPLES.alumnus, "2026-04-01", "2026-04-30", true],
  ["a span around it", EXAMPLES.alumnus, "2026-01-01", "2026-12-31", true],
  ["still open, a span long after", EXAMPLES.current, "2030-01-01", "2030-01-31", true],
  ["never active, any span", EXAMPLES.nominee, "2000-01-01", "2100-01-01", false],
];
