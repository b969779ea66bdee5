import { describe, expect, it } from "vitest";
import { activeDays, activeOnWhere, isActiveBetween, isActiveOn } from "@/lib/active-guardian";
import { dayNumber, parseIsoDay } from "@/lib/period";
import {
  ACTIVE_BETWEEN_CASES,
  ACTIVE_GUARDIAN_CASES,
  EXAMPLES,
} from "../factories/active-guardian-cases";

const d = parseIsoDay;
const [alumnus, current, nominee] = [EXAMPLES.alumnus, EXAMPLES.current, EXAMPLES.nominee];

describe("active guardian on a day", () => {
  it.each(ACTIVE_GUARDIAN_CASES)("%s", (_, m, day, expected) => {
    expect(isActiveOn(m, d(day))).toBe(expected);
  });

  it.each(ACTIVE_GUARDIAN_CASES)("%s: the span of active days says the same", (_, m, day, yes) => {
    const span = activeDays(m);
    const n = dayNumber(d(day));
    expect(span !== null && span[0] <= n && n <= span[1]).toBe(yes);
  });

  it("counts a day by its UTC date, whatever the time", () => {
    expect(isActiveOn(alumnus, new Date("2026-06-20T23:59:00Z"))).toBe(true);
    expect(isActiveOn(alumnus, new Date("2026-03-09T23:59:00Z"))).toBe(false);
  });

  it.each(ACTIVE_BETWEEN_CASES)("%s: covers a day of the range or not", (_, m, a, b, yes) => {
    expect(isActiveBetween(m, d(a), d(b))).toBe(yes);
  });

  it("gives the active days as an inclusive span", () => {
    expect(activeDays(nominee)).toBeNull();
    expect(activeDays(current)?.[1]).toBe(Infinity);
    const [from, to] = activeDays(alumnus)!;
    expect(to - from).toBe(102);
  });

  it("states the rule as a Prisma filter on the day's UTC midnight", () => {
    expect(activeOnWhere(new Date("2026-05-01T15:00:00Z"))).toEqual({
      activeOn: { lte: d("2026-05-01") },
      OR: [{ leftOn: null }, { leftOn: { gte: d("2026-05-01") } }],
    });
  });
});
